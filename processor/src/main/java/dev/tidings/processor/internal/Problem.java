package dev.tidings.processor.internal;

import java.util.Arrays;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A diagnostic waiting to be reported: steps collect problems first, so that an element that must
 * wait for a later round reports nothing twice.
 *
 * @param mirror the annotation to point at, or {@code null}
 * @param value the annotation value to point at, or {@code null}
 */
record Problem(
    Message message, Element element, AnnotationMirror mirror, AnnotationValue value, Object[] args) {

  static Problem of(Message message, Element element, Object... args) {
    return new Problem(message, element, null, null, args);
  }

  static Problem at(
      Message message, Element element, AnnotationMirror mirror, AnnotationValue value, Object... args) {
    return new Problem(message, element, mirror, value, args);
  }

  boolean isError() {
    return message.kind() == javax.tools.Diagnostic.Kind.ERROR;
  }

  String text() {
    return message.format(args);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Problem p
        && message == p.message
        && element.equals(p.element)
        && Arrays.equals(args, p.args);
  }

  @Override
  public int hashCode() {
    return 31 * message.hashCode() + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return text();
  }
}
