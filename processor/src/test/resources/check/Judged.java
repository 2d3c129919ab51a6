package check;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.tidings.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Records that get a check, with what shapes it. */
public final class Judged {
  private Judged() {}

  /** Renames and descriptions leave the JSON as the schema says. */
  @Schema(id = "Renamed")
  public record Renamed(
      @JsonProperty("renamed_field") String renamed, @JsonPropertyDescription("a count") int count) {}

  /** Constraints no value meets: the check says false, in code that compiles. */
  @Schema(id = "Impossible")
  public record Impossible(@Size(min = 2) char letter, @Min(5) @Max(3) int never, String after) {}

  /** A constraint no value meets, behind a null test. */
  @Schema(id = "MaybeImpossible")
  public record MaybeImpossible(Optional<@Min(5) @Max(3) Integer> never, String after) {}

  /** An optional optional: Jackson writes an empty one, inside or out, as null. */
  @Schema(id = "Twice")
  public record Twice(Optional<Optional<@Size(min = 2) String>> twice) {}

  /** Recursion through the root and through a nested record. */
  @Schema(id = "Tree")
  public record Tree(String name, List<Tree> children, Map<String, Set<Leaf>> leaves) {}

  /** A leaf. */
  public record Leaf(@DecimalMax("0.30000000000000001") double weight) {}

  /** Deprecated types and components, named in the check. */
  @Deprecated
  @Schema(id = "Old")
  public record Old(@Deprecated String id, Part part) {}

  /** A deprecated part. */
  @Deprecated(forRemoval = true)
  public record Part(String name) {}
}
