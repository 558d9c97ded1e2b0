package io.arabicnews.corpus;

/**
 * The result of decoding a file's bytes: either text with the encoding it was read as, or a reject
 * reason ({@code empty}, {@code binary}, {@code undecodable}, {@code mojibake}) with a detail.
 */
public record DecodedText(String text, String encoding, String rejectReason, String rejectDetail) {

  static DecodedText ok(String text, String encoding) {
    return new DecodedText(text, encoding, null, null);
  }

  static DecodedText rejected(String reason, String detail) {
    return new DecodedText(null, null, reason, detail);
  }

  public boolean isRejected() {
    return rejectReason != null;
  }
}
