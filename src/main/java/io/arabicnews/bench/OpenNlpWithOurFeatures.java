package io.arabicnews.bench;

import io.arabicnews.entities.tagger.Labels;
import io.arabicnews.entities.tagger.NameFeatures;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * OpenNLP's name finder factory with our {@link NameFeatures} as its only feature generator, for
 * {@link OpenNlpComparison}. OpenNLP instantiates a model's factory by class name with no
 * arguments, so the features come through a static field the comparison sets before training.
 */
public final class OpenNlpWithOurFeatures extends TokenNameFinderFactory {
  static NameFeatures features;

  public OpenNlpWithOurFeatures() {}

  @Override
  public AdaptiveFeatureGenerator createFeatureGenerators() {
    NameFeatures f = features;
    return new AdaptiveFeatureGenerator() {
      private String[] sentence;
      private NameFeatures.Prepared prepared;
      private final long[] out = new long[NameFeatures.COUNT];

      @Override
      public void createFeatures(List<String> into, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != sentence) {
          sentence = tokens;
          prepared = f.prepare(tokens);
        }
        f.extract(prepared, index, label(previousOutcomes, index - 1), label(previousOutcomes, index - 2), out);
        for (long x : out) {
          into.add(Long.toHexString(x));
        }
      }
    };
  }

  /** Our label index for OpenNLP's BIO outcome («PERS-start», «PERS-cont», «other»), -1 before the sentence. */
  private static int label(String[] outcomes, int i) {
    if (i < 0 || outcomes == null || i >= outcomes.length || outcomes[i] == null) {
      return -1;
    }
    String o = outcomes[i];
    int dash = o.lastIndexOf('-');
    int kind = dash < 0 ? -1 : Labels.CLASSES.indexOf(o.substring(0, dash));
    return kind < 0 ? Labels.OUTSIDE : o.endsWith("-start") ? 2 * kind + 1 : 2 * kind + 2;
  }
}
