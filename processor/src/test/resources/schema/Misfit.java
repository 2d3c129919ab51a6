package test;

import dev.tidings.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

@Schema
public record Misfit(
    @Min(3) String code,
    @NotBlank int count) {}
