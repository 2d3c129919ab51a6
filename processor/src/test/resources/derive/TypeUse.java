package test;

import dev.tidings.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A type-use only {@code @Nullable}, as JSpecify's. */
@Schema
public record TypeUse(@TypeUse.Nullable String maybe, String sure) {

  @Target(ElementType.TYPE_USE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Nullable {}
}
