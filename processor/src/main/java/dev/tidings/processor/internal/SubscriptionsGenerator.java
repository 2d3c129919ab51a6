package dev.tidings.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tidings.processor.internal.SubscribeModel.Argument;
import dev.tidings.processor.internal.SubscribeModel.Group;
import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Payload;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Writes {@code <Class>_Subscriptions} for a {@link SubscribeModel}: one handler instance from the
 * router, then per subscription a chain of direct calls.
 *
 * <pre>{@code
 * public final class Billing_Subscriptions implements Registration {
 *   public void register(Router router) {
 *     Billing target = router.instance(Billing.class, Billing::new);
 *     router.subscribe("orders.*", "billing")
 *         .on(OrderPlaced.class, (payload, ctx) -> target.onOrder(payload, ctx.subscriber()))
 *         .onAny(ctx -> target.onRaw(ctx.value()))
 *         .onRequest(Quote.class, (payload, ctx) -> CompletableFuture.completedFuture(target.onQuote(payload)))
 *         .maxAttempts(3);
 *   }
 * }
 * }</pre>
 */
final class SubscriptionsGenerator {
  private static final ClassName FAILURE_POLICY = ClassName.bestGuess(Names.FAILURE_POLICY);
  private static final ClassName ORDERING = ClassName.bestGuess(Names.ORDERING);
  private static final ClassName SUBSCRIPTION_MODE = ClassName.bestGuess(Names.SUBSCRIPTION_MODE);
  private static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  /** The runtime's backoff defaults, to complete a backoff given with one bound only. */
  private static final long DEFAULT_BACKOFF = 200;
  private static final long DEFAULT_MAX_BACKOFF = 30_000;
  private static final ClassName CONFIGURATION_EXCEPTION = ClassName.bestGuess(Names.CONFIGURATION_EXCEPTION);

  private final Elements elements;
  private final Generation generation;
  private final Registrations registrations;
  private final AsyncApiWriter asyncApi;
  private final Diagnostics diagnostics;

  SubscriptionsGenerator(
      Elements elements, Generation generation, Registrations registrations, AsyncApiWriter asyncApi,
      Diagnostics diagnostics) {
    this.elements = elements;
    this.generation = generation;
    this.registrations = registrations;
    this.asyncApi = asyncApi;
    this.diagnostics = diagnostics;
  }

  void generate(SubscribeModel model) {
    try {
      generation.write(model.generated(), registration(model));
      registrations.add(model.generated().canonicalName(), model.type());
      asyncApi.subscriptions(model);
    } catch (IOException e) {
      diagnostics.report(Problem.of(Message.WRITE_FAILED, model.type(), model.generated().canonicalName(),
          model.type().getQualifiedName(), e));
    }
  }

  private TypeSpec.Builder registration(SubscribeModel model) {
    ClassName target = ClassName.get(model.type());
    MethodSpec.Builder register =
        MethodSpec.methodBuilder("register")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Generation.ROUTER, "router");
    if (usesDeprecated(model)) {
      register.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal")
              .build());
    }
    if (model.constructible()) {
      register.addStatement("$T target = router.instance($T.class, $T::new)", target, target, target);
    } else {
      String message = model.type().getQualifiedName() + " has no no-argument constructor: give the router"
          + " a factory before registering, with new Router().provide(" + model.type().getSimpleName()
          + ".class, () -> new " + model.type().getSimpleName() + "(...)).registerDiscovered(loader)";
      register.addCode(
          CodeBlock.builder()
              .add("$T target = router.instance($T.class, () -> {\n$>", target, target)
              .addStatement("throw new $T($S)", CONFIGURATION_EXCEPTION, message)
              .add("$<});\n")
              .build());
    }
    List<Element> origins = new ArrayList<>();
    origins.add(model.type());
    for (Group group : model.subscriptions()) {
      CodeBlock.Builder chain = CodeBlock.builder().add("router.subscribe($S, $S)", group.pattern(), group.group());
      for (Handler handler : group.handlers()) {
        chain.add("\n").add(handlerCall(handler));
        if (handler.payload() == Payload.RECORD || handler.payload() == Payload.BATCH) {
          origins.add(((DeclaredType) handler.payloadType()).asElement());
        }
        if (handler.replyType() != null) {
          origins.add(((DeclaredType) handler.replyType()).asElement());
        }
      }
      if (group.failurePolicy() != null) {
        chain.add("\n.failurePolicy($T.$L)", FAILURE_POLICY, group.failurePolicy());
      }
      if (group.maxAttempts() != null) {
        chain.add("\n.maxAttempts($L)", group.maxAttempts());
      }
      if (group.concurrency() != null) {
        chain.add("\n.concurrency($L)", group.concurrency());
      }
      if (group.ordering() != null) {
        chain.add("\n.ordering($T.$L)", ORDERING, group.ordering());
      }
      if (group.timeoutMillis() != null) {
        chain.add("\n.timeout($T.ofMillis($LL))", Duration.class, group.timeoutMillis());
      }
      if (group.batchSize() != null) {
        chain.add("\n.batchSize($L)", group.batchSize());
      }
      if (group.replyTo() != null) {
        chain.add("\n.replyTo($S)", group.replyTo());
      }
      delivery(chain, group.delivery());
      if (group.mode() != null) {
        chain.add("\n.mode($T.$L)", SUBSCRIPTION_MODE, group.mode());
      }
      register.addStatement("$L", chain.build());
    }

    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(Generation.REGISTRATION)
            .addJavadoc("Subscribes the {@code @Subscribe} methods of {@link $T}.\n", target)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                    .build())
            .addMethod(register.build());
    origins.stream().distinct().forEach(type::addOriginatingElement);
    return type;
  }

  private static CodeBlock handlerCall(Handler handler) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    List<Argument> args = handler.arguments();
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      String expression = a == Argument.PAYLOAD
          ? (handler.payload() == Payload.RECORD ? "payload" : handler.payload().expression)
          : a.expression;
      arguments.add(i == 0 ? "$L" : ", $L", expression);
    }
    String method = handler.method().getSimpleName().toString();
    if (handler.payload() == Payload.RECORD) {
      switch (handler.reply()) {
        case RECORD -> {
          return CodeBlock.of(".onRequest($T.class, (payload, ctx) -> $T.completedFuture(target.$N($L)))",
              recordClass(handler), COMPLETABLE_FUTURE, method, arguments.build());
        }
        case OPTIONAL -> {
          return CodeBlock.of(
              ".onRequest($T.class, (payload, ctx) -> $T.completedFuture(target.$N($L).orElse(null)))",
              recordClass(handler), COMPLETABLE_FUTURE, method, arguments.build());
        }
        case STAGE -> {
          return CodeBlock.of(".onRequest($T.class, (payload, ctx) -> target.$N($L))",
              recordClass(handler), method, arguments.build());
        }
        default -> {
          return CodeBlock.of(".on($T.class, (payload, ctx) -> target.$N($L))",
              recordClass(handler), method, arguments.build());
        }
      }
    }
    if (handler.payload() == Payload.BATCH) {
      return CodeBlock.of(".onBatch($T.class, (payloads, contexts) -> target.$N($L))",
          recordClass(handler), method, arguments.build());
    }
    return CodeBlock.of(".onAny(ctx -> target.$N($L))", method, arguments.build());
  }

  private static ClassName recordClass(Handler handler) {
    return ClassName.get((TypeElement) ((DeclaredType) handler.payloadType()).asElement());
  }

  private boolean usesDeprecated(SubscribeModel model) {
    if (elements.isDeprecated(model.type())) {
      return true;
    }
    for (Group group : model.subscriptions()) {
      for (Handler handler : group.handlers()) {
        if (elements.isDeprecated(handler.method())
            || (handler.payloadType() != null && handler.payloadType().getKind() == TypeKind.DECLARED
                && elements.isDeprecated(((DeclaredType) handler.payloadType()).asElement()))) {
          return true;
        }
      }
    }
    return false;
  }
  /** The retry and dead-letter calls; a backoff bound the method left out is completed as the runtime would. */
  private static void delivery(CodeBlock.Builder chain, SubscribeModel.Delivery d) {
    if (d.backoffMillis() != null || d.maxBackoffMillis() != null) {
      long initial = d.backoffMillis() != null ? d.backoffMillis() : Math.min(DEFAULT_BACKOFF, d.maxBackoffMillis());
      long max = d.maxBackoffMillis() != null ? d.maxBackoffMillis() : Math.max(initial, DEFAULT_MAX_BACKOFF);
      chain.add("\n.backoff($T.ofMillis($LL), $T.ofMillis($LL))", Duration.class, initial, Duration.class, max);
    }
    if (!d.noRetryFor().isEmpty()) {
      CodeBlock.Builder types = CodeBlock.builder();
      for (int i = 0; i < d.noRetryFor().size(); i++) {
        types.add(i == 0 ? "$T.class" : ", $T.class", ClassName.bestGuess(d.noRetryFor().get(i)));
      }
      chain.add("\n.noRetryFor($L)", types.build());
    }
    if (d.maxInFlight() != null) {
      chain.add("\n.maxInFlight($L)", d.maxInFlight());
    }
    if (d.deadLetterStream() != null) {
      chain.add("\n.deadLetterStream($S)", d.deadLetterStream());
    }
  }
}
