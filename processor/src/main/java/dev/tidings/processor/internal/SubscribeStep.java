package dev.tidings.processor.internal;

import dev.tidings.processor.internal.SubscribeModel.Group;
import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates the {@code @Subscribe} methods of each class, models them as subscriptions (methods
 * with the same pattern and group share one) and hands the class to {@link
 * SubscriptionsGenerator}. A class whose methods mention types that are not resolved yet waits for
 * the next round.
 *
 * <p>Subscriptions are also checked across the classes of the compilation, as the runtime would at
 * start-up: one group has one pattern, one handler per record type, one raw handler, and settings
 * that agree.
 */
final class SubscribeStep {
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final SubscriptionsGenerator generator;
  private final SubscribeMethods methods;
  private final SubscriptionTable table = new SubscriptionTable();
  /** Classes waiting for a type, by qualified name, with the type they wait for. */
  private final Deferrals deferrals;

  SubscribeStep(Elements elements, Types types, Diagnostics diagnostics, SubscriptionsGenerator generator) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.deferrals = new Deferrals(elements, diagnostics, "@Subscribe methods of ");
    this.generator = generator;
    this.methods = new SubscribeMethods(elements, types);
  }

  void process(RoundEnvironment round) {
    Map<String, TypeElement> todo = new TreeMap<>();
    TypeElement annotation = elements.getTypeElement(Names.SUBSCRIBE);
    if (annotation != null) {
      for (Element method : round.getElementsAnnotatedWith(annotation)) {
        if (method.getEnclosingElement() instanceof TypeElement type) {
          todo.put(key(type), type);
        }
      }
    }
    deferrals.run(todo, this::processClass);
  }

  /** Reports the classes that never got their types resolved; called in the last round. */
  void finish() {
    deferrals.finish();
  }

  private String key(TypeElement type) {
    String name = type.getQualifiedName().toString();
    return name.isEmpty() ? elements.getBinaryName(type).toString() : name;
  }

  private void processClass(TypeElement type) {
    List<ExecutableElement> annotated = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.find(method, Names.SUBSCRIBE).isPresent()) {
        annotated.add(method);
      }
    }
    if (annotated.isEmpty()) {
      return;
    }
    for (ExecutableElement method : annotated) {
      TypeMirror missing = SubscribeMethods.unresolved(method);
      if (missing != null && !type.getQualifiedName().toString().isEmpty()) {
        deferrals.defer(type.getQualifiedName().toString(), TypeNames.qualified(missing));
        return;
      }
    }

    List<Problem> problems = new ArrayList<>();
    var generated = Generation.generatedName(type, Names.SUBSCRIPTIONS_ROLE);
    String[] classProblem = classProblem(type);
    if (classProblem != null) {
      problems.add(Problem.of(Message.SUBSCRIBE_CLASS, type, SubscribeMethods.describe(type, annotated.get(0)),
          type.getQualifiedName(), classProblem[0], generated.simpleName(), classProblem[1]));
    }

    Map<String, GroupBuilder> subscriptions = new LinkedHashMap<>();
    for (ExecutableElement method : annotated) {
      AnnotationMirror mirror = Annotations.find(method, Names.SUBSCRIBE).orElseThrow();
      List<Problem> own = new ArrayList<>();
      Handler handler = methods.handler(type, method, own);
      Settings settings = methods.settings(type, method, mirror, handler, own);
      problems.addAll(own);
      if (handler == null || settings == null || own.stream().anyMatch(Problem::isError)) {
        continue;
      }
      Problem conflict = table.claim(type, method, mirror, handler, settings);
      if (conflict != null) {
        problems.add(conflict);
        continue;
      }
      subscriptions
          .computeIfAbsent(settings.group(), g -> new GroupBuilder(settings.pattern(), g))
          .add(handler, settings);
    }

    diagnostics.reportAll(problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      return;
    }
    boolean constructible = hasUsableConstructor(type);
    if (!constructible) {
      diagnostics.report(Problem.of(Message.SUBSCRIBE_CONSTRUCTOR, type, type.getQualifiedName(),
          generated.simpleName(), type.getSimpleName(), type.getSimpleName()));
    }
    List<Group> groupModels = subscriptions.values().stream().map(GroupBuilder::build).toList();
    generator.generate(new SubscribeModel(type, constructible, groupModels, generated));
  }

  // ---- the class

  /** {what is wrong, how to fix it} for a class the generated code cannot instantiate, or null. */
  private static String[] classProblem(TypeElement type) {
    switch (type.getKind()) {
      case INTERFACE, ANNOTATION_TYPE -> {
        return new String[] {"is an interface", "Move the method to a class."};
      }
      case ENUM -> {
        return new String[] {"is an enum", "Move the method to a class."};
      }
      default -> {
        // classes and records
      }
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return new String[] {"is declared inside a method", "Move it to the top level."};
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return new String[] {"is abstract",
          "Make it concrete, or put the @Subscribe methods on a concrete class."};
    }
    if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      return new String[] {"is an inner class (it needs an enclosing instance)", "Make it static."};
    }
    String hidden = SchemaStep.hiddenBy(type);
    if (hidden != null) {
      return new String[] {"is " + hidden, "Make it package-private or public."};
    }
    if (!type.getTypeParameters().isEmpty()) {
      return new String[] {"has type parameters",
          "Remove them, or put the @Subscribe methods on a class without type parameters."};
    }
    return null;
  }

  /** Whether the class has a non-private no-argument constructor that throws nothing checked. */
  private boolean hasUsableConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)
          && constructor.getThrownTypes().stream().noneMatch(this::isChecked)) {
        return true;
      }
    }
    return false;
  }

  private boolean isChecked(TypeMirror thrown) {
    return !methods.isSubtype(thrown, "java.lang.RuntimeException")
        && !methods.isSubtype(thrown, "java.lang.Error");
  }

  /** Collects the handlers of one subscription of a class. */
  private static final class GroupBuilder {
    final String pattern;
    final String group;
    String failurePolicy;
    Integer maxAttempts;
    Integer concurrency;
    String ordering;
    Long timeoutMillis;
    Integer batchSize;
    String replyTo;
    SubscribeModel.Delivery delivery = SubscribeModel.Delivery.NONE;
    String mode;
    final List<Handler> handlers = new ArrayList<>();

    GroupBuilder(String pattern, String group) {
      this.pattern = pattern;
      this.group = group;
    }

    void add(Handler handler, Settings s) {
      handlers.add(handler);
      failurePolicy = failurePolicy != null ? failurePolicy : s.failurePolicy();
      maxAttempts = maxAttempts != null ? maxAttempts : s.maxAttempts();
      concurrency = concurrency != null ? concurrency : s.concurrency();
      ordering = ordering != null ? ordering : s.ordering();
      timeoutMillis = timeoutMillis != null ? timeoutMillis : s.timeoutMillis();
      batchSize = batchSize != null ? batchSize : s.batchSize();
      replyTo = replyTo != null ? replyTo : s.replyTo();
      delivery = delivery.or(s.delivery());
      mode = mode != null ? mode : s.mode();
    }

    Group build() {
      return new Group(pattern, group, failurePolicy, maxAttempts, concurrency, ordering, timeoutMillis,
          batchSize, replyTo, mode, List.copyOf(handlers), delivery);
    }
  }
}
