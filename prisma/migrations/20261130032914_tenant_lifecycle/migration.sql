-- AlterTable
ALTER TABLE "tenant" ADD COLUMN     "archived_at" TIMESTAMP(3),
ADD COLUMN     "contacts" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "cost_centre" TEXT;

