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
 * next round. The last round reports what stayed unresolved and writes the services file and the
 * AsyncAPI document ({@link AsyncApiWriter}). Nothing
 * thrown here reaches javac: an unexpected failure becomes an error that asks to report it.
 */
public final class Processing {
  private final Diagnostics diagnostics;
  private final Registrations registrations;
  private final AsyncApiWriter asyncApi;
  private final SchemaStep schemas;
  private final SubscribeStep subscriptions;

  public Processing(ProcessingEnvironment env) {
    Elements elements = env.getElementUtils();
    Types types = env.getTypeUtils();
    diagnostics = new Diagnostics(env.getMessager());
    registrations = new Registrations(elements, env.getFiler());
    asyncApi = new AsyncApiWriter(elements, env.getFiler(), env.getOptions());
    Generation generation = new Generation(elements, env.getFiler());
    schemas = new SchemaStep(elements, env.getFiler(), diagnostics, new SchemaDeriver(elements, types),
        new CheckDeriver(elements, types), new ReaderDeriver(elements, types),
        new SchemaGenerator(elements, env.getFiler(), generation, registrations, asyncApi, diagnostics));
    subscriptions = new SubscribeStep(elements, types, diagnostics,
        new SubscriptionsGenerator(elements, generation, registrations, asyncApi, diagnostics));
  }

  /** The annotations the processor handles. */
  public static Set<String> supportedAnnotationTypes() {
    return Set.of(Names.SCHEMA, Names.SUBSCRIBE);
  }

  /** The processor's options ({@code -A...}), which shape the AsyncAPI document it writes. */
  public static Set<String> supportedOptions() {
    return Set.of(AsyncApiWriter.NAME_OPTION, AsyncApiWriter.VERSION_OPTION, AsyncApiWriter.PREFIX_OPTION,
        AsyncApiWriter.ENABLED_OPTION);
  }

  /** Runs one round. */
  public void process(RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        schemas.finish();
        subscriptions.finish();
        registrations.write(diagnostics);
        asyncApi.write(diagnostics);
      } else {
        schemas.process(round);
        subscriptions.process(round);
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      diagnostics.crash(null, e);
    }
  }
}
