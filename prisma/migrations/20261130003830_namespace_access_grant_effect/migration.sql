-- AlterTable
ALTER TABLE "namespace_access_grant" ADD COLUMN     "effect" TEXT NOT NULL DEFAULT 'waiting',
ADD COLUMN     "effect_checked_at" TIMESTAMP(3),
ADD COLUMN     "effect_checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "effect_deadline" TIMESTAMP(3),
ADD COLUMN     "effect_note" TEXT,
ADD COLUMN     "effective_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "namespace_access_grant_effect_idx" ON "namespace_access_grant"("effect");

