package check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.tidings.Schema;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** Records whose JSON the generated check cannot judge: they get no check. */
public final class Unjudged {
  private Unjudged() {}

  /** A custom serializer. */
  @Schema(id = "Serialized")
  public record Serialized(@JsonSerialize(using = ToStringSerializer.class) BigDecimal amount) {}

  /** A property Jackson never writes. */
  @Schema(id = "WriteOnly")
  public record WriteOnly(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String secret) {}

  /** Renamed properties. */
  @Schema(id = "Naming")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Naming(String firstName) {}

  /** An enum constant written under another name. */
  @Schema(id = "Labeled")
  public record Labeled(Label label) {}

  /** Written as {@code "a"}. */
  public enum Label {
    @JsonProperty("a")
    A
  }

  /** An annotation inherited from an interface. */
  @Schema(id = "Inherited")
  public record Inherited(String id) implements HasId {}

  /** Jackson finds this annotation on the record's accessor too. */
  public interface HasId {
    @JsonIgnore
    String id();
  }

  /** A nested record the generated class cannot name. */
  @Schema(id = "WithSecret")
  public record WithSecret(Secret secret) {
    private record Secret(String value) {}
  }

  /** A pattern that does not compile (the validator rejects the schema too). */
  @Schema(id = "BadPattern")
  public record BadPattern(@Pattern(regexp = "[a-") String code) {}
}
