package org.nuanxin.geo.internal;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Hanyu Pinyin of a Chongqing district's name as maps and road signs write it (渝中区 → Yuzhong, 南岸区 → Nan'an,
 * 忠县 → Zhongxian): the generic suffix (区, 县, …自治县) dropped unless the name is one character without it, syllables
 * joined without tones, an apostrophe before a syllable that starts with a, o or e, the first letter capitalised
 * (the rules of GB/T 16159 and of the State Council's place-name romanisation).
 *
 * <p>Syllables come from ICU4J's Han-Latin transliterator (already a dependency), which reads each character in its
 * most common reading. Place names use other readings of some characters; those are corrected by the phrase
 * table {@link #PLACE_READINGS}, checked by hand against all 38 districts ({@code PlaceNamePinyinTest}).
 */
final class PlaceNamePinyin {

    /**
     * Readings of characters that ICU's most-common reading gets wrong in Chongqing's place names: 长 is cháng in 长寿
     * (ICU: zhǎng), 都 is dū in 丰都 (ICU: dōu). 重 in 重庆 is chóng; ICU gets it right, kept here as the classic case.
     */
    static final Map<String, String> PLACE_READINGS = Map.of("长寿", "chang shou", "丰都", "feng du", "重庆", "chong qing");

    private static final Pattern SUFFIX = Pattern.compile("((土家族|苗族)+自治县|自治县|区|县)$");

    private PlaceNamePinyin() {}

    /**
     * @param name the official Chinese name, e.g. 渝中区
     * @return the romanised name, e.g. Yuzhong; not thread-safe (ICU transliterators are not), so callers compute
     *         the names once at start
     */
    static String of(String name, Transliterator hanLatin) {
        String shortName = SUFFIX.matcher(name).replaceFirst("");
        // A one-character name keeps its generic: 忠县 is Zhongxian, not Zhong.
        String base = shortName.codePointCount(0, shortName.length()) < 2 ? name : shortName;
        List<String> syllables = new ArrayList<>();
        int i = 0;
        while (i < base.length()) {
            String phrase = longestPhraseAt(base, i);
            String reading = phrase == null
                    ? hanLatin.transliterate(base.substring(i, base.offsetByCodePoints(i, 1)))
                    : PLACE_READINGS.get(phrase);
            for (String s : reading.strip().split("\\s+")) {
                syllables.add(s.toLowerCase(Locale.ROOT));
            }
            i += phrase == null ? Character.charCount(base.codePointAt(i)) : phrase.length();
        }
        StringBuilder out = new StringBuilder();
        for (String s : syllables) {
            if (!out.isEmpty() && "aoe".indexOf(s.charAt(0)) >= 0) {
                out.append('\'');
            }
            out.append(s);
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    /** The ICU transliterator to pass to {@link #of}: Han to Latin, then tone marks removed. */
    static Transliterator transliterator() {
        return Transliterator.getInstance("Han-Latin; Latin-ASCII");
    }

    private static String longestPhraseAt(String text, int index) {
        String best = null;
        for (String phrase : PLACE_READINGS.keySet()) {
            if (text.startsWith(phrase, index) && (best == null || phrase.length() > best.length())) {
                best = phrase;
            }
        }
        return best;
    }
}
