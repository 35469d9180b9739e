-- AlterTable
ALTER TABLE "authorized_ip_range" ADD COLUMN     "removal_request_id" TEXT;

