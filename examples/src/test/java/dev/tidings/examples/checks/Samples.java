package dev.tidings.examples.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Records with every construct the derived schema and its generated check know, for {@link
 * RecordCheckDifferentialTest}. Each record groups constructs whose check is exact, plus at most
 * one that is conservative and nullable, so that the other constructs are still judged exactly.
 */
public final class Samples {
  private Samples() {}

  /** Makes a type nullable in the schema (any annotation of this simple name does). */
  @Target(ElementType.TYPE_USE)
  public @interface Nullable {}

  /** Strings: lengths in code points, patterns (with flags), blank, one {@code char}. */
  @Schema(id = "check.Texts")
  public record Texts(
      String plain,
      @NotBlank String name,
      @Size(min = 2, max = 5) String code,
      @Pattern(regexp = "[a-z]+-[0-9]{1,3}") String slug,
      @Pattern(regexp = "ab|cd", flags = Pattern.Flag.CASE_INSENSITIVE) @Size(max = 4) String choice,
      @NotEmpty String filled,
      char letter,
      Character boxedLetter,
      @Size(max = 3) char[] chars,
      @Nullable @Size(max = 3) String maybe,
      Optional<@NotBlank String> note,
      Optional<Optional<@Size(max = 2) String>> twice) {}

  /**
   * Numbers of every kind, with inclusive, exclusive and decimal bounds. Some bounds are not the
   * text of any float or double ({@code 2^31}, {@code 2^60}, {@code 0.100000001}), or become another
   * number when the schema is read ({@code 0.30000000000000001} is the double {@code 0.3}).
   */
  @Schema(id = "check.Numbers")
  public record Numbers(
      byte tiny,
      @Min(-3) @Max(3) short small,
      @Min(1) @Max(10) int rating,
      @Positive Integer count,
      @NegativeOrZero Long debt,
      @DecimalMin(value = "0.5", inclusive = false) int half,
      @DecimalMax("10.5") long ceiling,
      @Negative long negative,
      @Min(-5) @Max(1000) BigInteger big,
      BigInteger anyBig,
      @DecimalMin("0.100000001") float ratio,
      @Max(2147483648L) float capped,
      @Positive double amount,
      @Min(1) @Max(2) double unit,
      @Max(1152921504606846976L) double huge,
      @DecimalMax(value = "0.30000000000000001", inclusive = false) Double third,
      @DecimalMin("0.01") @DecimalMax("99.99") BigDecimal price,
      @PositiveOrZero BigDecimal fee,
      OptionalInt maybeInt,
      OptionalLong maybeLong,
      OptionalDouble maybeDouble,
      Optional<@Min(3) Integer> atLeastThree) {}

  /** Enums alone, nullable, in lists and sets, as map keys. */
  @Schema(id = "check.Choices")
  public record Choices(
      Kind kind,
      @Nullable Kind maybeKind,
      Set<Kind> kinds,
      EnumSet<Kind> flags,
      List<Kind> history,
      @Size(max = 2) Map<Kind, String> labels) {}

  /** A kind. */
  public enum Kind {
    RED,
    GREEN,
    BLUE
  }

  /** Arrays, lists, sets and maps, nested, with null items and sizes. */
  @Schema(id = "check.Lists")
  public record Lists(
      @Size(min = 1, max = 3) List<String> tags,
      Set<String> names,
      Set<Integer> numbers,
      Set<Double> measures,
      Set<BigDecimal> amounts,
      int[] scores,
      @Size(max = 2) String[] pair,
      List<@Nullable String> gaps,
      List<List<@Min(0) Integer>> grid,
      @Size(min = 2, max = 3) Map<String, Integer> counts,
      Map<String, @Nullable Line> lines,
      Collection<Long> longs,
      SortedSet<String> sorted) {}

  /** A line, nested in other records. */
  public record Line(@NotBlank String sku, @Min(1) int quantity, @PositiveOrZero BigDecimal price) {}

  /** Nested and recursive records: the root refers to itself, {@code Node} to itself. */
  @Schema(id = "check.Tree")
  public record Tree(
      String name,
      List<Tree> children,
      Optional<Tree> parent,
      Node node,
      Optional<Line> line,
      Map<String, Node> index) {}

  /** A recursive node. */
  public record Node(@NotBlank String label, List<Node> kids, @Nullable Node next) {}

  /** Every {@code java.time} type; a pattern on an {@code Instant} is not judged (nullable). */
  @Schema(id = "check.Times")
  public record Times(
      Instant at,
      OffsetDateTime offsetAt,
      ZonedDateTime zonedAt,
      LocalDate day,
      LocalDateTime localAt,
      LocalTime time,
      OffsetTime offsetTime,
      Duration timeout,
      @Nullable Instant maybeAt,
      Optional<LocalDate> maybeDay,
      List<Instant> history,
      @Nullable @Pattern(regexp = ".*Z") Instant stamped) {}

  /**
   * UUIDs, URIs, bytes, any JSON, booleans (one named like a getter, which Jackson names after the
   * component), a renamed property; email is not judged (nullable).
   */
  @Schema(id = "check.Misc")
  public record Misc(
      UUID id,
      @Pattern(regexp = "0.*") UUID zeroFirst,
      URI link,
      Optional<URI> maybeLink,
      byte[] data,
      JsonNode extra,
      boolean flag,
      Boolean isOpen,
      Set<UUID> ids,
      @JsonProperty("renamed_field") @Size(max = 2) String renamed,
      @Nullable @Email String email) {}

  /** {@code @JsonInclude} drops nulls from the JSON: no check is generated. */
  @Schema(id = "check.Included")
  public record Included(@JsonInclude(JsonInclude.Include.NON_NULL) String maybe) {}

  /** A getter that Jackson writes instead of the component {@code name}: no check is generated. */
  @Schema(id = "check.Shadowed")
  public record Shadowed(String name) {
    /** What Jackson writes as {@code name}. */
    public String getName() {
      return name == null ? null : name.strip();
    }
  }

  /** An enum that Jackson writes through {@code @JsonValue}: no check is generated. */
  @Schema(id = "check.Coded")
  public record Coded(Code code) {}

  /** Written as its code, not its name. */
  public enum Code {
    ONE("1");

    private final String code;

    Code(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }
}
