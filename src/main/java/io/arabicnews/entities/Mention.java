package io.arabicnews.entities;

/**
 * A gazetteer entity found in a sentence: tokens {@code start..end} (inclusive, positions in the
 * sentence), the text as printed, and whether it was a nisba adjective («الروسي») or a bare surname
 * that needs the full name elsewhere in the article.
 */
public record Mention(
    String entityId, int start, int end, String surface, boolean nisba, boolean conditional) {}
