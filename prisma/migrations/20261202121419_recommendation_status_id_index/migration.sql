-- CreateIndex
CREATE INDEX "Recommendation_status_id_idx" ON "Recommendation"("status", "id");
