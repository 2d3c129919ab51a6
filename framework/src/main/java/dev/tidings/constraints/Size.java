package dev.tidings.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The component (string, collection, map or array) has between {@code min()} and {@code max()} elements or characters. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER,
    ElementType.TYPE_USE})
public @interface Size {
  int min() default 0;

  int max() default Integer.MAX_VALUE;
}
