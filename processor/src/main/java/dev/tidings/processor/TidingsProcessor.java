package dev.tidings.processor;

import com.google.auto.service.AutoService;
import dev.tidings.processor.internal.Processing;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Processes {@code dev.tidings.Schema} and {@code dev.tidings.Subscribe}.
 *
 * <p>For a record {@code Order} annotated with {@code @Schema} it writes {@code Order_Schema}, a
 * {@code dev.tidings.Registration} that registers the schema with its derived JSON Schema and a
 * fast, conservative check of records against it, and the file {@code
 * META-INF/tidings/schemas/<id>-<version>.json}. For a class {@code Billing} with
 * {@code @Subscribe} methods it writes {@code Billing_Subscriptions}, which subscribes each method
 * with a direct call. Every generated registration is listed in {@code
 * META-INF/services/dev.tidings.Registration}, and the schemas and subscriptions are described in
 * {@code META-INF/tidings/asyncapi.yaml}, an AsyncAPI 3.0 document; both are written once, in the
 * last round.
 *
 * <p>Mistakes are compile errors with a stable id in brackets (such as {@code [SchemaNotRecord]})
 * that say how to fix them; the processor never throws into the compiler.
 */
@AutoService(Processor.class)
public final class TidingsProcessor extends AbstractProcessor {
  private Processing processing;

  /** Called by the compiler through {@link java.util.ServiceLoader}. */
  public TidingsProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    processing = new Processing(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Processing.supportedAnnotationTypes();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Processing.supportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    processing.process(roundEnv);
    return false;
  }
}
