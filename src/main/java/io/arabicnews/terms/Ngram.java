package io.arabicnews.terms;

/**
 * A term occurrence: a word or a phrase of 2–3 words.
 *
 * @param key normalised, clitic-free keys joined by a space («مكافحه الارهاب»): what counts merge on
 * @param display display forms joined by a space («مكافحة الإرهاب»): what users read
 * @param n number of words
 * @param position position of the first word in its sentence
 */
public record Ngram(String key, String display, int n, int position) {}
