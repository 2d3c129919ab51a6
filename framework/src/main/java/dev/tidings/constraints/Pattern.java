package dev.tidings.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The component is a string that matches {@code regexp()} as a whole (JSON Schema {@code pattern}, anchored). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER,
    ElementType.TYPE_USE})
public @interface Pattern {
  String regexp();
}
