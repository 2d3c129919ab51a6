package test;

import dev.tidings.Schema;
import dev.tidings.constraints.Max;
import dev.tidings.constraints.Min;
import dev.tidings.constraints.NotBlank;
import dev.tidings.constraints.Pattern;
import dev.tidings.constraints.Size;
import java.util.List;

@Schema
public record OwnConstraints(
    @Min(1) @Max(10) int quantity,
    @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
    @Size(min = 1, max = 5) List<String> tags) {}
