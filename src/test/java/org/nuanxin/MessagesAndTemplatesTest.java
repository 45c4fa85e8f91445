package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle has the same keys in Chinese (the default) and English, none empty, and no
 * template shows interface text that does not come from a message: templates are parsed with jsoup
 * and every visible text node and every {@code title}, {@code placeholder}, {@code alt},
 * {@code aria-label} and button {@code value} is checked. Every audit action the code records has a
 * label ({@code audit.action.<code>}, shown by the audit log page) in both languages.
 */
class MessagesAndTemplatesTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java");

    /** Text that may stand as it is, with the reason. */
    static final Map<String, String> PROPER_NOUNS = Map.of(
            "中文", "a language's own name on the language switch, the same in every language",
            "English", "a language's own name on the language switch, the same in every language");

    /** Attributes whose text a user sees or hears. */
    static final List<String> TEXT_ATTRIBUTES = List.of("title", "placeholder", "alt", "aria-label");

    /** Attributes that replace an element's content (or the element), so its own text is only a prototype. */
    static final List<String> CONTENT_REPLACING =
            List.of("th:text", "th:utext", "th:replace", "th:insert", "sec:authentication");

    // ---- message bundles ----

    static Stream<Path> chineseBundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            List<Path> bundles = files.filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .sorted()
                    .toList();
            assertThat(bundles).as("message bundles in " + MESSAGES).isNotEmpty();
            return bundles.stream();
        }
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chineseBundles")
    void everyKeyIsInBothLanguagesWithAValue(Path chinese) throws IOException {
        Path english =
                chinese.resolveSibling(chinese.getFileName().toString().replace(".properties", "_en.properties"));
        assertThat(english).as("English bundle for " + chinese.getFileName()).exists();
        Properties zh = load(chinese);
        Properties en = load(english);
        assertThat(zh).as(chinese.getFileName().toString()).isNotEmpty();

        assertThat(new TreeSet<>(en.stringPropertyNames()))
                .as("keys of %s missing in English", chinese.getFileName())
                .containsAll(zh.stringPropertyNames());
        assertThat(new TreeSet<>(zh.stringPropertyNames()))
                .as("keys of %s missing in Chinese", english.getFileName())
                .containsAll(en.stringPropertyNames());
        assertThat(empty(zh)).as("empty values in " + chinese.getFileName()).isEmpty();
        assertThat(empty(en)).as("empty values in " + english.getFileName()).isEmpty();
    }

    private static Set<String> empty(Properties properties) {
        Set<String> keys = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (v.toString().isBlank()) {
                keys.add(k.toString());
            }
        });
        return keys;
    }

    @Test
    void onlyTheDefaultAndEnglishBundlesExist() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .allMatch(
                            name -> name.matches("[a-z-]+(_en)?\\.properties"),
                            "name.properties or name_en.properties");
        }
    }

    // ---- templates ----

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> html =
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(html).as("templates in " + TEMPLATES).hasSizeGreaterThan(10);
            return html.stream();
        }
    }

    static Document parse(Path template) throws IOException {
        return Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void noInterfaceTextIsWrittenIntoATemplate(Path template) throws IOException {
        Document doc = parse(template);
        List<String> literal = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode text && !text.isBlank() && isShown(text) && isWords(text.text())) {
                        literal.add("text \"" + text.text().strip() + "\" in <" + ((Element) text.parent()).tagName()
                                + ">");
                    }
                    if (node instanceof Element e && isShown(e)) {
                        for (String attribute : TEXT_ATTRIBUTES) {
                            checkAttribute(e, attribute, literal);
                        }
                        if (e.tagName().equals("input") && e.attr("type").matches("submit|button|reset")) {
                            checkAttribute(e, "value", literal);
                        }
                    }
                },
                doc);
        assertThat(literal)
                .as("literal interface text in %s: use #{...} messages", template)
                .isEmpty();
    }

    private static void checkAttribute(Element e, String attribute, List<String> literal) {
        if (!e.hasAttr(attribute)
                || e.hasAttr("th:" + attribute)
                || e.attr("th:attr").matches("(?s).*\\b" + Pattern.quote(attribute) + "\\s*=.*")) {
            return;
        }
        if (isWords(e.attr(attribute))) {
            literal.add(attribute + "=\"" + e.attr(attribute) + "\" on <" + e.tagName() + ">");
        }
    }

    /**
     * False for text that Thymeleaf replaces (a prototype value) or that is inside a script or style. A
     * {@code th:replace} on {@code <html>} is a page calling its layout with parts of itself
     * ({@code ~{::main}}): those parts are shown.
     */
    private static boolean isShown(Node node) {
        for (Node n = node instanceof Element ? node : node.parent(); n instanceof Element e; n = e.parent()) {
            boolean layoutCall = e.tagName().equals("html");
            if (e != node && !layoutCall && CONTENT_REPLACING.stream().anyMatch(e::hasAttr)) {
                return false;
            }
            if (e == node && (e.hasAttr("th:replace") || e.hasAttr("th:insert"))) {
                return false;
            }
            if (e.tagName().equals("script") || e.tagName().equals("style") || e.hasAttr("th:remove")) {
                return false;
            }
        }
        return true;
    }

    /** True when the text has letters that are not a Thymeleaf inline expression or a whitelisted proper noun. */
    static boolean isWords(String text) {
        String rest = text.replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " ");
        for (String noun : PROPER_NOUNS.keySet()) {
            rest = rest.replace(noun, " ");
        }
        return rest.codePoints().anyMatch(Character::isLetter);
    }

    @Test
    void theCheckFindsLiteralText() throws IOException {
        Document doc = Jsoup.parse("<html th:replace=\"~{layout/mobile :: layout(~{::title}, ~{::main})}\"><body><main>"
                + "<p>你好</p><p th:text=\"#{a}\">原型</p><button aria-label=\"Menu\"></button>"
                + "<button aria-label=\"x\" th:attr=\"aria-label=#{b}\"></button><span>· 12 / 34</span>"
                + "<div th:replace=\"~{x :: y}\">替换</div></main></body></html>");
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && !t.isBlank() && isShown(t) && isWords(t.text())) {
                        found.add(t.text());
                    }
                    if (node instanceof Element e && isShown(e)) {
                        checkAttribute(e, "aria-label", found);
                    }
                },
                doc);
        assertThat(found).containsExactly("你好", "aria-label=\"Menu\" on <button>");
    }

    // ---- templates and bundles together ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyMessageKeyATemplateNamesExists(Path template) throws IOException {
        Properties zh = new Properties();
        for (Path bundle : chineseBundles().toList()) {
            zh.putAll(load(bundle));
        }
        Matcher m = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)").matcher(Files.readString(template));
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            if (!zh.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing)
                .as("message keys used in %s but defined in no bundle", template)
                .isEmpty();
    }

    // ---- sources and bundles together ----

    /** A call recording an audit entry ({@code AuditLog} fields are named so). */
    static final Pattern AUDIT_RECORD = Pattern.compile("\\baudit(?:Log)?\\.record\\(");

    /** A string literal shaped like an action code ({@code station.create}, {@code campaign.addTarget}). */
    static final Pattern ACTION_CODE = Pattern.compile("\"([a-z][A-Za-z-]*(?:\\.[A-Za-z-]+)+)\"");

    /**
     * The action codes of every {@code audit.record(...)} call in the sources: the dotted string literals
     * among its arguments. A call without one (an action passed in a variable) fails, so that the list
     * cannot silently miss it.
     */
    static Set<String> recordedAuditActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher call = AUDIT_RECORD.matcher(text);
            while (call.find()) {
                int end = call.end();
                for (int depth = 1; depth > 0; end++) {
                    char c = text.charAt(end);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                Matcher code = ACTION_CODE.matcher(text.substring(call.end(), end));
                boolean found = false;
                while (code.find()) {
                    actions.add(code.group(1));
                    found = true;
                }
                assertThat(found)
                        .as("audit.record call without a literal action code in %s at offset %d", source, call.start())
                        .isTrue();
            }
        }
        return actions;
    }

    @Test
    void everyRecordedAuditActionHasALabelInBothLanguages() throws IOException {
        Properties zh = new Properties();
        Properties en = new Properties();
        for (Path bundle : chineseBundles().toList()) {
            zh.putAll(load(bundle));
            en.putAll(load(
                    bundle.resolveSibling(bundle.getFileName().toString().replace(".properties", "_en.properties"))));
        }
        Set<String> actions = recordedAuditActions();
        assertThat(actions)
                .as("the scan finds the actions of several modules")
                .contains("station.create", "identity.sign-in", "membership.unmask", "membership.enroll");
        List<String> missing = new ArrayList<>();
        for (String action : actions) {
            String key = "audit.action." + action;
            if (!zh.containsKey(key)) {
                missing.add(key + " (Chinese)");
            }
            if (!en.containsKey(key)) {
                missing.add(key + " (English)");
            }
        }
        assertThat(missing)
                .as("audit actions recorded in %s without a label: the audit log page shows ??key??", SOURCES)
                .isEmpty();
    }
}
