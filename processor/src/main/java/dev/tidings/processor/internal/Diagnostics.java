package dev.tidings.processor.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** Reports {@link Problem}s to the compiler, attached to their element and annotation. */
final class Diagnostics {
  private final Messager messager;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void report(Problem problem) {
    if (problem.value() != null && problem.mirror() != null) {
      messager.printMessage(
          problem.message().kind(), problem.text(), problem.element(), problem.mirror(), problem.value());
    } else if (problem.mirror() != null) {
      messager.printMessage(problem.message().kind(), problem.text(), problem.element(), problem.mirror());
    } else {
      messager.printMessage(problem.message().kind(), problem.text(), problem.element());
    }
  }

  void reportAll(Collection<Problem> problems) {
    problems.forEach(this::report);
  }

  /**
   * Reports an unexpected failure of the processor on {@code element} (or on no element when it is
   * {@code null}) as an error, so that the compilation fails with a message instead of a crash.
   */
  void crash(Element element, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String where = element == null ? "this compilation" : String.valueOf(element);
    String text =
        Message.PROCESSOR_ERROR.format(
            where, failure, where, System.lineSeparator() + trace.toString().strip());
    if (element == null) {
      messager.printMessage(Message.PROCESSOR_ERROR.kind(), text);
    } else {
      messager.printMessage(Message.PROCESSOR_ERROR.kind(), text, element);
    }
  }
}
