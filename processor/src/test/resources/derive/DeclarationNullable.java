package test;

import dev.tidings.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** A declaration-only {@code @Nullable}, as javax.annotation's or Jakarta's. */
@Schema
public record DeclarationNullable(@DeclarationNullable.Nullable String maybe, @DeclarationNullable.Nullable Part part,
    @DeclarationNullable.Nullable List<String> list, String sure) {

  public record Part(String name) {}

  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @Retention(RetentionPolicy.CLASS)
  public @interface Nullable {}
}
