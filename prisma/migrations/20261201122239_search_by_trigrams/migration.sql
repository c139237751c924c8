-- CreateIndex
CREATE INDEX "ActionItem_description_trgm_idx" ON "ActionItem" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ActionItem_leadPerson_trgm_idx" ON "ActionItem" USING GIN ("leadPerson" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Evidence_summary_trgm_idx" ON "Evidence" USING GIN ("summary" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Recommendation_reference_trgm_idx" ON "Recommendation" USING GIN ("reference" gin_trgm_ops);
