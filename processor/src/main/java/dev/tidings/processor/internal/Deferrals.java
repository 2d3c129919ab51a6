package dev.tidings.processor.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The types a step could not finish because a type they use is generated in a later round: they are
 * retried in the next round and, if still unresolved in the last one, reported as {@link
 * Message#UNRESOLVED}. Also runs each type's work so that a crash on one never hides the others.
 */
final class Deferrals {
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final String subject;
  private Map<String, String> deferred = new TreeMap<>();

  /**
   * @param subject how the report names a type, e.g. {@code "@Schema record "}
   */
  Deferrals(Elements elements, Diagnostics diagnostics, String subject) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.subject = subject;
  }

  /** Retries {@code type} (by qualified name) next round; {@code missing} names what it waits for. */
  void defer(String name, String missing) {
    deferred.put(name, missing);
  }

  /** Runs {@code step} on this round's types plus the deferred ones, in name order. */
  void run(Map<String, TypeElement> todo, Consumer<TypeElement> step) {
    for (String name : deferred.keySet()) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        todo.putIfAbsent(name, type);
      }
    }
    deferred = new TreeMap<>();
    for (TypeElement type : todo.values()) {
      try {
        step.accept(type);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        diagnostics.crash(type, e);
      }
    }
  }

  /** Reports the types that never got their types resolved; called in the last round. */
  void finish() {
    deferred.forEach((name, missing) -> {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        diagnostics.report(Problem.of(Message.UNRESOLVED, type, subject + name, missing));
      }
    });
    deferred.clear();
  }
}
