package io.arabicnews.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String ARABIC = "مباحثات أمنية روسية مصرية بالقاهرة\nوموسكو تشيد برفض القاهرة إرسال أسلحة لأوكرانيا";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void decodesUtf8WithAndWithoutBom() {
    DecodedText plain = TextDecoder.decode(ARABIC.getBytes(StandardCharsets.UTF_8));
    assertThat(plain.text()).isEqualTo(ARABIC);
    assertThat(plain.encoding()).isEqualTo("UTF-8");
    DecodedText bom = TextDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ARABIC.getBytes(StandardCharsets.UTF_8)));
    assertThat(bom.text()).isEqualTo(ARABIC);
    assertThat(bom.encoding()).isEqualTo("UTF-8-BOM");
  }

  @Test
  void decodesUtf16WithBomsAndWithout() {
    DecodedText le = TextDecoder.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARABIC.getBytes(StandardCharsets.UTF_16LE)));
    assertThat(le.text()).isEqualTo(ARABIC);
    assertThat(le.encoding()).isEqualTo("UTF-16LE");
    DecodedText be = TextDecoder.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ARABIC.getBytes(StandardCharsets.UTF_16BE)));
    assertThat(be.text()).isEqualTo(ARABIC);
    assertThat(be.encoding()).isEqualTo("UTF-16BE");
    DecodedText noBom = TextDecoder.decode(ARABIC.getBytes(StandardCharsets.UTF_16LE));
    assertThat(noBom.text()).isEqualTo(ARABIC);
    assertThat(noBom.encoding()).isEqualTo("UTF-16LE");
  }

  @Test
  void decodesWindows1256() {
    DecodedText d = TextDecoder.decode(ARABIC.getBytes(Charset.forName("windows-1256")));
    assertThat(d.text()).isEqualTo(ARABIC);
    assertThat(d.encoding()).isEqualTo("windows-1256");
  }

  @Test
  void rejectsEmptyBinaryAndUndecodableInput() {
    assertThat(TextDecoder.decode(new byte[0]).rejectReason()).isEqualTo("empty");
    assertThat(TextDecoder.decode("  \n\t ".getBytes(StandardCharsets.UTF_8)).rejectReason()).isEqualTo("empty");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    assertThat(TextDecoder.decode(png).rejectReason()).isEqualTo("binary");
    // Latin-1 French: not UTF-8, and Windows-1256 would turn it into non-Arabic noise.
    byte[] latin1 = "Le président égyptien a reçu le ministre à l'été".getBytes(StandardCharsets.ISO_8859_1);
    DecodedText d = TextDecoder.decode(latin1);
    assertThat(d.rejectReason()).isEqualTo("undecodable");
    assertThat(d.rejectDetail()).contains("not valid UTF-8");
  }

  @Test
  void arabicUtf8WithBrokenBytesIsNotMistakenForWindows1256() {
    byte[] good = ARABIC.getBytes(StandardCharsets.UTF_8);
    byte[] damaged = java.util.Arrays.copyOf(good, good.length + 3);
    damaged[good.length] = (byte) 0xC3; // a lead byte followed by ASCII: invalid
    damaged[good.length + 1] = '(';
    damaged[good.length + 2] = (byte) 0xA0; // a lone continuation byte
    // Read as Windows-1256 these bytes are all "Arabic letters": the share check alone would take them.
    assertThat(TextDecoder.arabicLetterShare(new String(damaged, Charset.forName("windows-1256")))).isGreaterThan(0.5);
    DecodedText d = TextDecoder.decode(damaged);
    assertThat(d.rejectReason()).isEqualTo("undecodable");
    assertThat(d.rejectDetail()).startsWith("Arabic UTF-8 with invalid byte sequences");
  }

  @Test
  void rejectsDoubleEncodedUtf8AsMojibake() {
    String mojibake = new String(ARABIC.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    DecodedText d = TextDecoder.decode(mojibake.getBytes(StandardCharsets.UTF_8));
    assertThat(d.rejectReason()).isEqualTo("mojibake");
  }
}
