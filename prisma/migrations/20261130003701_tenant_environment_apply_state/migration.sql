-- AlterTable
ALTER TABLE "tenant_environment" ADD COLUMN     "applied_at" TIMESTAMP(3),
ADD COLUMN     "last_request_id" TEXT,
ADD COLUMN     "template" TEXT;

