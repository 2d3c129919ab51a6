package dev.tidings.processor.internal;

import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Runs the processor's rounds; {@code TidingsProcessor} delegates to it. Not API.
 *
 * <p>Each round runs {@link SchemaStep} and then {@link SubscribeStep}; each step validates, models
 * and generates per element, and keeps the elements that mention types not generated yet for the
 * next round. The last round reports what stayed unresolved and writes the services file. Nothing
 * thrown here reaches javac: an unexpected failure becomes an error that asks to report it.
 */
public final class Processing {
  private final Diagnostics diagnostics;
  private final Registrations registrations;
  private final SchemaStep schemas;
  private final SubscribeStep subscriptions;

  public Processing(ProcessingEnvironment env) {
    Elements elements = env.getElementUtils();
    Types types = env.getTypeUtils();
    diagnostics = new Diagnostics(env.getMessager());
    registrations = new Registrations(elements, env.getFiler());
    Generation generation = new Generation(elements, env.getFiler());
    schemas = new SchemaStep(elements, env.getFiler(), diagnostics, new SchemaDeriver(elements, types),
        new CheckDeriver(elements, types), new ReaderDeriver(elements, types),
        new SchemaGenerator(elements, env.getFiler(), generation, registrations, diagnostics));
    subscriptions = new SubscribeStep(elements, types, diagnostics,
        new SubscriptionsGenerator(elements, generation, registrations, diagnostics));
  }

  /** The annotations the processor handles. */
  public static Set<String> supportedAnnotationTypes() {
    return Set.of(Names.SCHEMA, Names.SUBSCRIBE);
  }

  /** Runs one round. */
  public void process(RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        schemas.finish();
        subscriptions.finish();
        registrations.write(diagnostics);
      } else {
        schemas.process(round);
        subscriptions.process(round);
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      diagnostics.crash(null, e);
    }
  }
}
