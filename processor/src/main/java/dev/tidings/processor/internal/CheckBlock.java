package dev.tidings.processor.internal;

import com.palantir.javapoet.CodeBlock;
import java.util.HashSet;
import java.util.Set;

/**
 * The statements of one generated check method, or of a block inside it. Every test is written as
 * {@code if (<broken>) return false;}; the method ends with {@code return true;}.
 *
 * <p>After an unconditional {@code return false} ({@link #fail}) the block ignores further
 * statements, since javac rejects unreachable code. Blocks wrapped in {@code if}/{@code for} are
 * dropped when empty, so the generated code holds no empty loops. Local names are unique per method
 * (Java forbids shadowing a local), and start with a lower-case letter so that they never hide a
 * type name such as {@code BigDecimal}.
 */
final class CheckBlock {
  private final CodeBlock.Builder code = CodeBlock.builder();
  private final Set<String> locals;
  private boolean ended;

  private CheckBlock(Set<String> locals) {
    this.locals = locals;
  }

  /** The body of a method whose parameter is {@code parameter}. */
  static CheckBlock method(String parameter) {
    Set<String> locals = new HashSet<>();
    locals.add(parameter);
    return new CheckBlock(locals);
  }

  /** A nested block with this block's local names. */
  CheckBlock child() {
    return new CheckBlock(locals);
  }

  /** Reserves a fresh local name, {@code preferred} when it is free and starts lower-case. */
  String name(String preferred) {
    String base = !preferred.isEmpty() && Character.isLowerCase(preferred.charAt(0)) ? preferred : "value";
    String name = base;
    for (int i = 2; !locals.add(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** Frees a name reserved for a local that was not declared after all. */
  void release(String name) {
    locals.remove(name);
  }

  /** {@code var name = <initializer>;} */
  void declare(String name, String format, Object... args) {
    if (!ended) {
      code.addStatement("var $L = " + format, prepend(name, args));
    }
  }

  /** {@code if (<condition>) return false;} */
  void failIf(String format, Object... args) {
    if (!ended) {
      code.beginControlFlow("if (" + format + ")", args).addStatement("return false").endControlFlow();
    }
  }

  /** {@code return false;}: nothing after it in this block runs. */
  void fail() {
    if (!ended) {
      code.addStatement("return false");
      ended = true;
    }
  }

  /** {@code <control> { <inner> }}, e.g. {@code if (x != null)}; nothing when {@code inner} is empty. */
  void wrap(CheckBlock inner, String format, Object... args) {
    if (!ended && !inner.isEmpty()) {
      code.beginControlFlow(format, args).add(inner.code.build()).endControlFlow();
    }
  }

  /** The statements of {@code inner}, in place. */
  void append(CheckBlock inner) {
    if (!ended) {
      code.add(inner.code.build());
      ended = inner.ended;
    }
  }

  boolean isEmpty() {
    return code.isEmpty();
  }

  /** The method body: these statements and {@code return true} when they can complete. */
  CodeBlock body() {
    CodeBlock.Builder body = code.build().toBuilder();
    if (!ended) {
      body.addStatement("return true");
    }
    return body.build();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
