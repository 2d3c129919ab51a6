package dev.tidings.examples.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tidings.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records whose schemas get a generated {@code RecordReader}, covering every type and constraint
 * kind the reader reads, for {@link RecordReaderDifferentialTest}; and records that must get none,
 * or whose reader must never be sure.
 */
final class ReaderSamples {
  private ReaderSamples() {}

  /** A declaration annotation that makes a component nullable. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @interface Nullable {}

  /** Strings: lengths in code points, patterns, blank, nullable, optional, renamed. */
  @Schema(id = "check.read.Texts")
  record Texts(
      String plain,
      @NotBlank String name,
      @Size(min = 2, max = 5) String code,
      @Pattern(regexp = "[a-z]+-[0-9]{1,3}") String slug,
      @Nullable @Size(max = 3) String maybe,
      Optional<@NotBlank String> note,
      @JsonProperty("renamed_field") @Size(max = 2) String renamed) {}

  /** Integers and doubles with inclusive, exclusive and decimal bounds; boxes; booleans. */
  @Schema(id = "check.read.Numbers")
  record Numbers(
      @Min(1) @Max(10) int rating,
      @Positive Integer count,
      @DecimalMin(value = "0.5", inclusive = false) int half,
      @Min(-5) @Max(5_000_000_000L) long wide,
      long any,
      @Nullable Long maybeLong,
      @Positive double amount,
      @Min(1) @Max(2) double unit,
      @DecimalMax(value = "0.30000000000000001", inclusive = false) Double third,
      @PositiveOrZero double fee,
      boolean flag,
      @Nullable Boolean maybeFlag) {}

  /** Enums, lists, sets, maps and nesting. */
  @Schema(id = "check.read.Lists")
  record Lists(
      Kind kind,
      @Nullable Kind maybeKind,
      @Size(min = 1, max = 3) List<String> tags,
      Set<String> names,
      Set<Integer> numbers,
      List<List<@Min(0) Integer>> grid,
      @Size(min = 1, max = 3) Map<String, Integer> counts,
      Map<String, Line> lines,
      Collection<Long> longs,
      List<Kind> kinds) {}

  /** A kind. */
  enum Kind {
    RED,
    GREEN,
    BLUE
  }

  /** A line of {@link Lists} and {@link Tree}. */
  record Line(@NotBlank String sku, @Min(1) int quantity, @PositiveOrZero double price) {}

  /** Nested and recursive records; times and ids. */
  @Schema(id = "check.read.Tree")
  record Tree(
      String name,
      List<Tree> children,
      Optional<Tree> parent,
      Node node,
      Optional<Line> line,
      Instant at,
      @Nullable Instant maybeAt,
      LocalDate day,
      Optional<LocalDate> maybeDay,
      UUID id,
      List<Instant> history) {}

  /** A recursive node. */
  record Node(@NotBlank String label, List<Node> kids, @Nullable Node next) {}

  /**
   * A compact constructor that normalizes: the reader must not be sure whenever it changes a value
   * (Jackson would write the trimmed text, not the one read).
   */
  @Schema(id = "check.read.Trimmed")
  record Trimmed(@Size(max = 4) String text, int n) {
    Trimmed {
      text = text == null ? null : text.strip();
    }
  }

  /** An accessor that changes the value: the reader must not be sure whenever it does. */
  @Schema(id = "check.read.Shouting")
  record Shouting(@Pattern(regexp = "[A-Z]*") String word) {
    @Override
    public String word() {
      return word == null ? null : word.toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** A second constructor: Jackson may bind with it, so no reader is generated. */
  @Schema(id = "check.read.TwoWays")
  record TwoWays(String a, int b) {
    TwoWays(String a) {
      this(a, 0);
    }
  }
}
