-- CreateIndex
CREATE INDEX "Recommendation_text_trgm_gist_idx" ON "Recommendation" USING GIST ("text" gist_trgm_ops);
