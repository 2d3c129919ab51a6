package test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/** Every kind of component the processor maps. */
@Schema(id = "Everything", version = 1)
public record Everything(
    String text,
    char letter,
    Character boxedLetter,
    boolean flag,
    byte tiny,
    short small,
    int number,
    long big,
    Integer boxed,
    float ratio,
    double amount,
    BigDecimal price,
    BigInteger huge,
    Kind kind,
    Instant at,
    OffsetDateTime offsetAt,
    ZonedDateTime zonedAt,
    LocalDate day,
    LocalDateTime localAt,
    LocalTime time,
    OffsetTime offsetTime,
    Duration timeout,
    UUID id,
    URI link,
    byte[] data,
    char[] chars,
    int[] scores,
    List<String> tags,
    Set<Kind> kinds,
    SortedSet<String> sorted,
    Map<String, Integer> counts,
    Map<Kind, String> labels,
    Optional<String> note,
    OptionalInt maybe,
    @Nullable String nickname,
    List<@Nullable String> gaps,
    Address home,
    Optional<Address> work,
    List<Address> previous,
    Node tree,
    JsonNode extra,
    @JsonProperty("renamed_field") String renamed,
    @NotBlank @Size(max = 10) @Pattern(regexp = "[a-z]+") String code,
    @Min(1) @Max(10) int rating,
    @Positive long positive,
    @DecimalMin(value = "0.5", inclusive = false) BigDecimal fee,
    @Email String email,
    @NotEmpty List<@Size(min = 2) String> names,
    @Size(min = 1, max = 3) Map<String, String> attributes,
    Optional<@Size(max = 4) String> shortNote,
    Optional<Everything> next) {

  /** A kind. */
  public enum Kind {
    A,
    B
  }

  /** An address. */
  public record Address(String street, Optional<String> city) {}

  /** A recursive node. */
  public record Node(String name, List<Node> children) {}

  /** Any annotation named Nullable counts. */
  @java.lang.annotation.Target({
    java.lang.annotation.ElementType.TYPE_USE,
    java.lang.annotation.ElementType.PARAMETER,
    java.lang.annotation.ElementType.FIELD,
    java.lang.annotation.ElementType.METHOD
  })
  public @interface Nullable {}
}
