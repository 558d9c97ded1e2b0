package io.arabicnews.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects how an article file is encoded and decodes it, refusing to guess silently.
 *
 * <p>Order: byte-order marks (UTF-8, UTF-16LE/BE); UTF-16 without a mark (Arabic in UTF-16 puts
 * 0x06 or 0x00 in every high byte); strict UTF-8; then Windows-1256, accepted only when the result
 * is mostly Arabic letters (any byte string "decodes" as Windows-1256, so the check is what makes
 * the guess safe). UTF-8 text that carries double-encoded Arabic («Ø§Ù„») is rejected as {@code
 * mojibake} rather than loaded as garbage.
 */
public final class TextDecoder {
  public static final String UTF_8 = "UTF-8";
  public static final String UTF_8_BOM = "UTF-8-BOM";
  public static final String UTF_16LE = "UTF-16LE";
  public static final String UTF_16BE = "UTF-16BE";
  public static final String WINDOWS_1256 = "windows-1256";

  private static final Charset CP1256 = Charset.forName(WINDOWS_1256);

  private TextDecoder() {}

  public static DecodedText decode(byte[] bytes) {
    if (bytes.length == 0) {
      return DecodedText.rejected("empty", "0 bytes");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strict(bytes, 3, StandardCharsets.UTF_8, UTF_8_BOM);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE, UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE, UTF_16BE);
    }
    String utf16 = guessUtf16WithoutBom(bytes);
    if (utf16 != null) {
      Charset cs = UTF_16LE.equals(utf16) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return strict(bytes, 0, cs, utf16);
    }
    if (looksBinary(bytes)) {
      return DecodedText.rejected("binary", "NUL or control bytes: not a text file");
    }
    DecodedText utf8 = strict(bytes, 0, StandardCharsets.UTF_8, UTF_8);
    if (!"undecodable".equals(utf8.rejectReason())) {
      return utf8; // valid UTF-8, or valid UTF-8 that is empty or mojibake: no other guess is better
    }
    if (utf8ArabicShare(bytes) >= 0.8) {
      // Arabic UTF-8 with a few broken bytes (a truncated download, a bad copy): read as Windows-1256
      // it would still look Arabic, letter soup. Refuse it rather than load the soup.
      return DecodedText.rejected("undecodable", "Arabic UTF-8 with invalid byte sequences: " + utf8.rejectDetail());
    }
    String cp1256 = new String(bytes, CP1256);
    if (arabicLetterShare(cp1256) >= 0.5) {
      return checked(cp1256, WINDOWS_1256);
    }
    return DecodedText.rejected(
        "undecodable", "not valid UTF-8, UTF-16 or Windows-1256 Arabic text: " + utf8.rejectDetail());
  }

  private static DecodedText strict(byte[] bytes, int offset, Charset cs, String name) {
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return checked(chars.toString(), name);
    } catch (CharacterCodingException e) {
      return DecodedText.rejected("undecodable", "invalid " + name + " byte sequence (" + e.getMessage() + ")");
    }
  }

  private static DecodedText checked(String text, String encoding) {
    if (text.isBlank()) {
      return DecodedText.rejected("empty", "only white space");
    }
    if (looksLikeMojibake(text)) {
      return DecodedText.rejected(
          "mojibake", "decoded as " + encoding + " but holds double-encoded UTF-8 (e.g. «Ø§Ù„»)");
    }
    if (controlShare(text) > 0.01) {
      return DecodedText.rejected("binary", "control characters in decoded " + encoding + " text");
    }
    return DecodedText.ok(text, encoding);
  }

  /** Arabic in UTF-16 has 0x06 (or 0x00 for ASCII) in the high byte of nearly every code unit. */
  private static String guessUtf16WithoutBom(byte[] b) {
    if (b.length < 4 || b.length % 2 != 0) {
      return null;
    }
    int evenHigh = 0;
    int oddHigh = 0;
    int pairs = b.length / 2;
    for (int i = 0; i + 1 < b.length; i += 2) {
      if (b[i] == 0 || b[i] == 0x06) {
        evenHigh++;
      }
      if (b[i + 1] == 0 || b[i + 1] == 0x06) {
        oddHigh++;
      }
    }
    if (oddHigh > 0.9 * pairs && evenHigh < 0.3 * pairs) {
      return UTF_16LE;
    }
    if (evenHigh > 0.9 * pairs && oddHigh < 0.3 * pairs) {
      return UTF_16BE;
    }
    return null;
  }

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control > n / 100 + 1;
  }

  /** «Ø§Ù„» is «ال» encoded as UTF-8, read as Latin-1/CP1252 and saved again as UTF-8. */
  static boolean looksLikeMojibake(String s) {
    int marks = 0;
    int arabic = 0;
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      char next = s.charAt(i + 1);
      if ((c == 'Ø' || c == 'Ù' || c == 'Ú' || c == 'Û') && next >= 0x80 && next <= 0x2122) {
        marks++;
      }
      if (c >= '\u0600' && c <= '\u06FF') {
        arabic++;
      }
    }
    return marks >= 3 && marks > arabic;
  }

  /**
   * Share of the non-ASCII bytes that form a UTF-8 Arabic letter (lead byte D8–DB, continuation byte
   * 80–BF). Arabic UTF-8 is nearly all such pairs; Windows-1256 Arabic almost never is (its letters
   * are C1–FE, and a letter followed by a byte 80–BF is rare punctuation).
   */
  static double utf8ArabicShare(byte[] b) {
    int high = 0;
    int paired = 0;
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        continue;
      }
      high++;
      if (c >= 0xD8 && c <= 0xDB && i + 1 < b.length && (b[i + 1] & 0xC0) == 0x80) {
        paired += 2;
        high++;
        i++;
      }
    }
    return high == 0 ? 0 : (double) paired / high;
  }

  static double arabicLetterShare(String s) {
    int letters = 0;
    int arabic = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c >= '\u0600' && c <= '\u06FF') {
          arabic++;
        }
      }
    }
    return letters == 0 ? 0 : (double) arabic / letters;
  }

  private static double controlShare(String s) {
    int control = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return s.isEmpty() ? 0 : (double) control / s.length();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
