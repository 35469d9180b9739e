-- AlterTable
ALTER TABLE "inventory_cluster" ADD COLUMN     "api_server_endpoint" JSONB;

