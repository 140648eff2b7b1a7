package io.transfermonitor.producers.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.CaseDimension;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.PeriodSpec;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.model.RuleScope;
import io.transfermonitor.model.ScopeDirection;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.VesselActivityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a YAML rules file into {@link Rule}s: a top-level {@code rules:} list whose entries use the
 * field names of the Rule schema ({@code ruleId, kind, title, legalBasis, severity, enabled, scope,
 * limit, unit, period, levels, estimatedCountsAs, comparesRuleId, minGapRatio, minGapAmount,
 * designationLists, groupBy, inForceFrom}). Every error names the file, the rule and the field:
 * unknown fields, wrong types, unknown enum symbols, a CAP without a positive limit, levels out of
 * order, duplicate ids.
 */
public final class RuleFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> RULE_FIELDS =
      Set.of(
          "ruleId",
          "kind",
          "title",
          "legalBasis",
          "severity",
          "enabled",
          "scope",
          "limit",
          "unit",
          "period",
          "levels",
          "estimatedCountsAs",
          "comparesRuleId",
          "minGapRatio",
          "minGapAmount",
          "designationLists",
          "groupBy",
          "inForceFrom");
  private static final Set<String> SCOPE_FIELDS =
      Set.of(
          "eventKinds",
          "productClasses",
          "cargoCategories",
          "countries",
          "direction",
          "shipToShipOnly",
          "vesselActivities");
  private static final Set<String> PERIOD_FIELDS =
      Set.of("anchorMonth", "anchorDay", "lengthMonths");
  private static final Set<String> LEVEL_FIELDS = Set.of("threshold", "severity", "label");

  private RuleFile() {}

  /** The rules of the YAML file at {@code yaml}. */
  public static List<Rule> load(Path yaml) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules file " + yaml + ": " + e.getMessage(), e);
    }
    return parse(utf8(bytes, yaml.toString()), yaml.toString());
  }

  /** {@code bytes} as text, or an error naming the first byte that is not UTF-8. */
  private static String utf8(byte[] bytes, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: not UTF-8 text (at byte offset %d: 0x%02x is no UTF-8 character there): a rules file is"
                  + " YAML text, e.g. deploy/config/rules.yaml",
              source,
              in.position(),
              bytes[in.position()] & 0xff));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** The rules of {@code text}; {@code source} names it in errors. */
  public static List<Rule> parse(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(new NonFiniteAsText(YAML.getFactory().createParser(text)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
    if (root == null || !root.has("rules") || !root.get("rules").isArray()) {
      throw new IllegalArgumentException(source + ": expected a top-level 'rules:' list");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode node : root.get("rules")) {
      index++;
      Rule rule = new Entry(source, "rule #" + index, node).rule();
      if (!ids.add(rule.getRuleId())) {
        throw new IllegalArgumentException(
            source + ": rule '" + rule.getRuleId() + "': ruleId is used twice");
      }
      rules.add(rule);
    }
    return rules;
  }

  /**
   * Hands YAML's infinity and not-a-number ({@code .inf}, {@code -.Inf}, {@code .nan}) to the tree
   * as text. Jackson types them as floats it then cannot read, and fails the whole file as "not
   * valid YAML" with no rule or field named; as text they reach {@link Entry}, which names both.
   */
  private static final class NonFiniteAsText extends JsonParserDelegate {
    static final Pattern SPELLINGS = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");

    NonFiniteAsText(JsonParser parser) {
      super(parser);
    }

    private JsonToken token() {
      JsonToken token = delegate.currentToken();
      try {
        return token == JsonToken.VALUE_NUMBER_FLOAT
                && SPELLINGS.matcher(delegate.getText()).matches()
            ? JsonToken.VALUE_STRING
            : token;
      } catch (IOException e) {
        return token;
      }
    }

    @Override
    public JsonToken nextToken() throws IOException {
      delegate.nextToken();
      return token();
    }

    @Override
    public JsonToken currentToken() {
      return token();
    }

    @Override
    @Deprecated
    public JsonToken getCurrentToken() {
      return token();
    }

    @Override
    public int currentTokenId() {
      JsonToken token = token();
      return token == null ? JsonTokenId.ID_NO_TOKEN : token.id();
    }

    @Override
    @Deprecated
    public int getCurrentTokenId() {
      return currentTokenId();
    }

    @Override
    public boolean hasToken(JsonToken token) {
      return token() == token;
    }

    @Override
    public boolean hasTokenId(int id) {
      return currentTokenId() == id;
    }
  }

  /** One rule entry, with its name for error messages. */
  private static final class Entry {
    private final String source;
    private String name;
    private final JsonNode node;

    Entry(String source, String name, JsonNode node) {
      this.source = source;
      this.name = name;
      this.node = node;
    }

    Rule rule() {
      if (!node.isObject()) {
        throw error(null, "expected a mapping of rule fields");
      }
      String id = text(node, "ruleId", true);
      name = "rule '" + id + "'";
      known(node, RULE_FIELDS, "");
      RuleKind kind = symbol(node, "kind", RuleKind::valueOf, RuleKind.values(), true);
      Rule rule =
          Rule.newBuilder()
              .setRuleId(id)
              .setKind(kind)
              .setTitle(text(node, "title", true))
              .setLegalBasis(text(node, "legalBasis", true))
              .setSeverity(symbol(node, "severity", Severity::valueOf, Severity.values(), true))
              .setEnabled(!node.has("enabled") || bool(node, "enabled"))
              .setScope(scope(node.get("scope")))
              .setLimit(number(node, "limit"))
              .setUnit(text(node, "unit", false))
              .setPeriod(period(node.get("period")))
              .setLevels(levels(node.get("levels")))
              .setEstimatedCountsAs(
                  node.has("estimatedCountsAs")
                      ? symbol(node, "estimatedCountsAs", Basis::valueOf, Basis.values(), true)
                      : Basis.OBSERVED)
              .setComparesRuleId(text(node, "comparesRuleId", false))
              .setMinGapRatio(number(node, "minGapRatio"))
              .setMinGapAmount(number(node, "minGapAmount"))
              .setDesignationLists(strings(node, "designationLists", ""))
              .setGroupBy(groupBy())
              .setInForceFrom(day(node, "inForceFrom"))
              .build();
      checkConsistency(rule);
      return rule;
    }

    /** An ISO day (yyyy-MM-dd), or null when the field is absent. */
    private String day(JsonNode node, String field) {
      String value = text(node, field, false);
      if (value == null) {
        return null;
      }
      try {
        return java.time.LocalDate.parse(value).toString();
      } catch (java.time.format.DateTimeParseException e) {
        throw error(field, "'" + value + "' is not a day written yyyy-MM-dd");
      }
    }

    private void checkConsistency(Rule rule) {
      if (rule.getKind() == RuleKind.CAP) {
        if (rule.getLimit() == null || !(rule.getLimit() > 0)) {
          throw error("limit", "a CAP rule needs a positive limit");
        }
        if (rule.getLevels().isEmpty()) {
          throw error("levels", "a CAP rule needs at least one level");
        }
      }
      if (rule.getKind() != RuleKind.SCREEN && !rule.getDesignationLists().isEmpty()) {
        throw error("designationLists", "only a SCREEN rule screens against designation lists");
      }
      if (rule.getKind() == RuleKind.DISCREPANCY && rule.getComparesRuleId() == null) {
        throw error("comparesRuleId", "a DISCREPANCY rule names the CAP rule it compares");
      }
      double previous = Double.NEGATIVE_INFINITY;
      Set<String> labels = new HashSet<>();
      for (RuleLevel level : rule.getLevels()) {
        if (!(level.getThreshold() > 0) || Double.isInfinite(level.getThreshold())) {
          throw error(
              "levels",
              "a threshold must be a positive number ("
                  + (rule.getKind() == RuleKind.CAP
                      ? "a fraction of the limit, e.g. 0.75"
                      : "a count")
                  + "), "
                  + level.getThreshold()
                  + " is not");
        }
        if (!(level.getThreshold() > previous)) {
          throw error(
              "levels", "thresholds must be ascending, " + level.getThreshold() + " is not");
        }
        if (!labels.add(level.getLabel())) {
          throw error("levels", "label '" + level.getLabel() + "' is used twice");
        }
        previous = level.getThreshold();
      }
    }

    private RuleScope scope(JsonNode scope) {
      if (scope == null || scope.isNull()) {
        throw error("scope", "is required (use {} for every event)");
      }
      if (!scope.isObject()) {
        throw error("scope", "expected a mapping");
      }
      known(scope, SCOPE_FIELDS, "scope.");
      return RuleScope.newBuilder()
          .setEventKinds(symbols(scope, "eventKinds", EventKind::valueOf, EventKind.values()))
          .setProductClasses(
              symbols(scope, "productClasses", ProductClass::valueOf, ProductClass.values()))
          .setCargoCategories(
              symbols(scope, "cargoCategories", CargoCategory::valueOf, CargoCategory.values()))
          .setCountries(strings(scope, "countries"))
          .setDirection(
              scope.has("direction")
                  ? symbol(
                      scope, "direction", ScopeDirection::valueOf, ScopeDirection.values(), true)
                  : ScopeDirection.EITHER)
          .setShipToShipOnly(scope.has("shipToShipOnly") && bool(scope, "shipToShipOnly"))
          .setVesselActivities(
              symbols(
                  scope,
                  "vesselActivities",
                  VesselActivityType::valueOf,
                  VesselActivityType.values()))
          .build();
    }

    /** The case grouping, or null for the default of the rule's kind. */
    private List<CaseDimension> groupBy() {
      if (!node.has("groupBy") || node.get("groupBy").isNull()) {
        return null;
      }
      if (!node.get("groupBy").isArray()) {
        throw error("groupBy", "expected a list, e.g. [ORIGIN, DESTINATION]");
      }
      List<CaseDimension> dimensions = new ArrayList<>();
      for (JsonNode item : node.get("groupBy")) {
        CaseDimension dimension =
            parseSymbol("groupBy", item.asText(), CaseDimension::valueOf, CaseDimension.values());
        if (dimensions.contains(dimension)) {
          throw error("groupBy", dimension + " is named twice");
        }
        dimensions.add(dimension);
      }
      return dimensions;
    }

    private PeriodSpec period(JsonNode period) {
      if (period == null || period.isNull()) {
        return null;
      }
      known(period, PERIOD_FIELDS, "period.");
      int month = integer(period, "anchorMonth", 1, 12);
      int day = integer(period, "anchorDay", 1, 28);
      int length = period.has("lengthMonths") ? integer(period, "lengthMonths", 1, 12) : 12;
      if (12 % length != 0) {
        throw error("period.lengthMonths", "must divide 12, was " + length);
      }
      return new PeriodSpec(month, day, length);
    }

    private List<RuleLevel> levels(JsonNode levels) {
      List<RuleLevel> out = new ArrayList<>();
      if (levels == null || levels.isNull()) {
        return out;
      }
      if (!levels.isArray()) {
        throw error("levels", "expected a list");
      }
      int i = 0;
      for (JsonNode level : levels) {
        String prefix = "levels[" + i++ + "].";
        known(level, LEVEL_FIELDS, prefix);
        Double threshold = numberAt(level, "threshold", prefix);
        if (threshold == null) {
          throw error(prefix + "threshold", "is required");
        }
        out.add(
            new RuleLevel(
                threshold,
                symbolAt(level, "severity", prefix, Severity::valueOf, Severity.values()),
                textAt(level, "label", prefix)));
      }
      return out;
    }

    private void known(JsonNode object, Set<String> fields, String prefix) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String field = names.next();
        if (!fields.contains(field)) {
          throw error(prefix + field, "unknown field (expected one of " + sorted(fields) + ")");
        }
      }
    }

    private String text(JsonNode object, String field, boolean required) {
      JsonNode value = object.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          throw error(field, "is required");
        }
        return null;
      }
      if (!value.isValueNode() || value.asText().isBlank()) {
        throw error(field, "expected a non-empty text, got " + value);
      }
      return value.asText();
    }

    private String textAt(JsonNode object, String field, String prefix) {
      JsonNode value = object.get(field);
      if (value == null || !value.isValueNode() || value.asText().isBlank()) {
        throw error(prefix + field, "is required");
      }
      return value.asText();
    }

    private boolean bool(JsonNode object, String field) {
      JsonNode value = object.get(field);
      if (!value.isBoolean()) {
        throw error(field, "expected true or false, got " + value);
      }
      return value.asBoolean();
    }

    private Double number(JsonNode object, String field) {
      return numberAt(object, field, "");
    }

    private Double numberAt(JsonNode object, String field, String prefix) {
      JsonNode value = object.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isTextual() && NonFiniteAsText.SPELLINGS.matcher(value.asText()).matches()) {
        throw error(
            prefix + field,
            value.asText()
                + " is not a number a "
                + field
                + " accepts (YAML's infinity and not-a-number are refused): give a finite number");
      }
      if (!value.isNumber()) {
        throw error(prefix + field, "expected a number, got " + value);
      }
      return value.asDouble();
    }

    private int integer(JsonNode object, String field, int min, int max) {
      JsonNode value = object.get(field);
      if (value == null || !value.isInt() || value.asInt() < min || value.asInt() > max) {
        throw error(
            "period." + field,
            "expected a whole number from " + min + " to " + max + ", got " + value);
      }
      return value.asInt();
    }

    private <E extends Enum<E>> E symbol(
        JsonNode object, String field, Function<String, E> parse, E[] all, boolean required) {
      String text = text(object, field, required);
      return text == null ? null : parseSymbol(field, text, parse, all);
    }

    private <E extends Enum<E>> E symbolAt(
        JsonNode object, String field, String prefix, Function<String, E> parse, E[] all) {
      return parseSymbol(prefix + field, textAt(object, field, prefix), parse, all);
    }

    private <E extends Enum<E>> E parseSymbol(
        String field, String text, Function<String, E> parse, E[] all) {
      try {
        return parse.apply(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(field, "unknown value '" + text + "' (expected one of " + List.of(all) + ")");
      }
    }

    private <E extends Enum<E>> List<E> symbols(
        JsonNode object, String field, Function<String, E> parse, E[] all) {
      List<E> out = new ArrayList<>();
      for (String text : strings(object, field)) {
        out.add(parseSymbol("scope." + field, text, parse, all));
      }
      return out;
    }

    private List<String> strings(JsonNode object, String field) {
      return strings(object, field, "scope.");
    }

    private List<String> strings(JsonNode object, String field, String prefix) {
      JsonNode value = object.get(field);
      List<String> out = new ArrayList<>();
      if (value == null || value.isNull()) {
        return out;
      }
      if (!value.isArray()) {
        throw error(prefix + field, "expected a list, got " + value);
      }
      value.forEach(item -> out.add(item.asText()));
      return out;
    }

    private IllegalArgumentException error(String field, String message) {
      return new IllegalArgumentException(
          source + ": " + name + (field == null ? "" : ": field '" + field + "'") + ": " + message);
    }

    private static List<String> sorted(Set<String> values) {
      return values.stream().sorted().toList();
    }
  }
}
