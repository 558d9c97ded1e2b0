package io.arabicnews.entities;

import io.arabicnews.entities.tagger.Labels;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.entities.tagger.SpanScores;
import io.arabicnews.entities.tagger.TaggedSentences;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Span scores of what the entity pass finds in tagged sentences: the gazetteer's matches (nisba
 * adjectives left out: ANERcorp does not tag them) and the tagger's own names, combined as {@link
 * SentenceNames} does, compared with the gold spans. Each sentence is its words joined by spaces;
 * an analyser word belongs to the gold token its first character is in.
 */
public final class LinkedNameScores {
  private LinkedNameScores() {}

  public static SpanScores score(EntityResources resources, List<TaggedSentences.Sentence> sentences) {
    SpanScores scores = new SpanScores();
    try (ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources.analyzer())) {
      for (TaggedSentences.Sentence s : sentences) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (String token : s.tokens()) {
          text.append(text.length() > 0 ? " " : "");
          starts.add(text.length());
          text.append(token);
        }
        String sentence = text.toString();
        List<AnalyzedToken> tokens = analyzer.analyze(sentence);
        int[] goldToken = new int[tokens.size()];
        for (AnalyzedToken t : tokens) {
          int g = 0;
          while (g + 1 < starts.size() && starts.get(g + 1) <= t.startOffset()) {
            g++;
          }
          goldToken[t.position()] = g;
        }
        NameTagger tagger = resources.tagger();
        List<TaggedNames.Name> names = tagger == null ? List.of() : TaggedNames.find(tagger, sentence, tokens);
        SentenceNames.Combined c = SentenceNames.combine(resources.gazetteer().match(sentence, tokens), names,
            resources.minNameConfidence(), tagger == null ? w -> false : tagger::isNameWord);
        List<NameTagger.Name> found = new ArrayList<>();
        for (SentenceNames.Linked l : c.gazetteer()) {
          Mention m = l.mention();
          if (!m.nisba()) {
            String type = resources.gazetteer().entities().get(m.entityId()).type();
            int kind = Labels.CLASSES.indexOf(Labels.classOfEntityType(type));
            found.add(new NameTagger.Name(kind, goldToken[m.start()], goldToken[m.end()] + 1, 1f));
          }
        }
        for (TaggedNames.Name n : c.model()) {
          found.add(new NameTagger.Name(TaggedNames.TYPES.indexOf(n.type()), goldToken[n.start()],
              goldToken[n.end()] + 1, n.confidence()));
        }
        scores.add(s.labels(), found);
      }
    }
    return scores;
  }
}
