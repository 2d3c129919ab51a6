package dev.tidings.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private final List<String> printed = new ArrayList<>();
  private final Messager messager = new Messager() {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      printed.add(kind + " " + msg);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      printed.add(kind + " " + msg);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      printed.add(kind + " " + msg);
    }

    @Override
    public void printMessage(
        Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
      printed.add(kind + " " + msg);
    }
  };

  @Test
  void crashBecomesAnErrorThatAsksToReportIt() {
    new Diagnostics(messager).crash(null, new IllegalStateException("boom"));
    assertEquals(1, printed.size());
    String text = printed.get(0);
    assertTrue(text.startsWith("ERROR [ProcessorError] the Tidings processor failed on this compilation with"
        + " java.lang.IllegalStateException: boom. This is a bug in tidings-processor; please report it"), text);
    assertTrue(text.contains("at dev.tidings.processor.internal.DiagnosticsTest"), "with the stack trace: " + text);
  }

  @Test
  void everyMessageStartsWithItsIdAndKeepsItsKind() {
    assertEquals("[SubscribeReturn] @Subscribe method A.b returns String, which is not a reply. A handler returns"
        + " void, or answers requests with a @Schema record, Optional<R> (empty: no reply) or CompletionStage<R>"
        + " of a @Schema record R. Return void.", Message.SUBSCRIBE_RETURN.format("A.b", "String", "", "Return void."));
    assertEquals(Diagnostic.Kind.WARNING, Message.SUBSCRIBE_NO_REPLY_TO.kind());
    assertEquals(Diagnostic.Kind.NOTE, Message.SUBSCRIBE_CONSTRUCTOR.kind());
    assertEquals(Diagnostic.Kind.WARNING, Message.SCHEMA_CONSTRAINT.kind());
    for (Message m : Message.values()) {
      assertTrue(m.id().matches("[A-Z][A-Za-z]+"), m.id());
    }
  }
}
