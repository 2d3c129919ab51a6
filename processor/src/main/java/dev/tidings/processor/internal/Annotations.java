package dev.tidings.processor.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors without loading annotation classes. */
final class Annotations {
  private Annotations() {}

  /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The value of element {@code name}, the declared default when it is not given. */
  static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of element {@code name} when written in the source, else {@code null}. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value as a string, or {@code fallback} when absent or not a string (a compile error). */
  static String string(AnnotationValue value, String fallback) {
    return value != null && value.getValue() instanceof String s ? s : fallback;
  }

  static long number(AnnotationValue value, long fallback) {
    return value != null && value.getValue() instanceof Number n ? n.longValue() : fallback;
  }

  static boolean bool(AnnotationValue value, boolean fallback) {
    return value != null && value.getValue() instanceof Boolean b ? b : fallback;
  }

  /** The name of an enum constant value, or {@code fallback}. */
  static String enumConstant(AnnotationValue value, String fallback) {
    return value != null && value.getValue() instanceof VariableElement v
        ? v.getSimpleName().toString()
        : fallback;
  }

  /** The values of an array element; a single value written without braces counts as one. */
  static List<AnnotationValue> list(AnnotationValue value) {
    if (value == null) {
      return List.of();
    }
    if (value.getValue() instanceof List<?> items) {
      return items.stream()
          .filter(AnnotationValue.class::isInstance)
          .map(AnnotationValue.class::cast)
          .toList();
    }
    return List.of(value);
  }
}
