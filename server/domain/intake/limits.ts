/** The most recommendations loaded at once: a report's whole list, with room to spare (the API's inputs and a preview). */
export const MAX_RECOMMENDATIONS_AT_ONCE = 500;
