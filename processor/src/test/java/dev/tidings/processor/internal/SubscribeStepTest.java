package dev.tidings.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tidings.processor.Fixtures.compile;
import static dev.tidings.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every diagnostic of {@link SubscribeStep}, on the line it belongs to. */
class SubscribeStepTest {
  private static final JavaFileObject ORDER = source("subscribe/Order.java");
  private static final JavaFileObject PLAIN = source("subscribe/Plain.java");

  private static Compilation compileWithOrder(JavaFileObject... files) {
    JavaFileObject[] all = new JavaFileObject[files.length + 2];
    all[0] = ORDER;
    all[1] = PLAIN;
    System.arraycopy(files, 0, all, 2, files.length);
    return compile(all);
  }

  @Test
  void privateAndStaticMethodsAreErrorsAndDoNotHideEachOther() {
    JavaFileObject file = source("subscribe/Modifiers.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeModifiers] @Subscribe method Modifiers.hidden is private; a handler is an"
            + " instance method that the generated registration calls. Remove 'private'.")
        .inFile(file)
        .onLineContaining("@Subscribe(pattern = \"orders\")");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeModifiers] @Subscribe method Modifiers.shared is static")
        .inFile(file)
        .onLineContaining("group = \"shared\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void genericMethodIsAnError() {
    JavaFileObject file = source("subscribe/GenericMethod.java");
    assertThat(compileWithOrder(file))
        .hadErrorContaining("[SubscribeGeneric] @Subscribe method GenericMethod.any has type parameters <T>")
        .inFile(file)
        .onLineContaining("@Subscribe");
  }

  @Test
  void abstractClassCannotBeInstantiated() {
    JavaFileObject file = source("subscribe/AbstractHandler.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeClass] @Subscribe method AbstractHandler.onOrder is declared in"
            + " test.AbstractHandler, which is abstract, so the generated AbstractHandler_Subscriptions cannot"
            + " create an instance. Make it concrete")
        .inFile(file)
        .onLineContaining("public abstract class AbstractHandler");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeModifiers] @Subscribe method AbstractHandler.onOrder is abstract")
        .inFile(file)
        .onLineContaining("@Subscribe");
  }

  @Test
  void interfaceCannotBeInstantiated() {
    JavaFileObject file = source("subscribe/InterfaceHandler.java");
    assertThat(compileWithOrder(file))
        .hadErrorContaining("[SubscribeClass] @Subscribe method InterfaceHandler.onOrder is declared in"
            + " test.InterfaceHandler, which is an interface")
        .inFile(file)
        .onLineContaining("interface InterfaceHandler");
  }

  @Test
  void innerAndPrivateClassesCannotBeInstantiated() {
    JavaFileObject file = source("subscribe/Outer.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeClass] @Subscribe method Inner.onOrder is declared in test.Outer.Inner, which"
            + " is an inner class (it needs an enclosing instance), so the generated Outer_Inner_Subscriptions"
            + " cannot create an instance. Make it static.")
        .inFile(file)
        .onLineContaining("public class Inner");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeClass] @Subscribe method Locked.onOrder is declared in test.Outer.Locked,"
            + " which is private")
        .inFile(file)
        .onLineContaining("private static class Locked");
  }

  @Test
  void payloadMistakesAreReportedOnTheParameter() {
    JavaFileObject file = source("subscribe/Payloads.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribePayload] @Subscribe method Payloads.nothing takes (Subscriber,"
            + " MessageContext), which has no payload")
        .inFile(file)
        .onLineContaining("@Subscribe(pattern = \"a\")");
    assertThat(compilation).hadErrorContaining("Add the payload, e.g. void nothing(OrderPlaced order).");
    assertThat(compilation)
        .hadErrorContaining("[SubscribePayload] @Subscribe method Payloads.twice takes two payloads, Order and"
            + " byte[]; a handler takes exactly one")
        .inFile(file)
        .onLineContaining("void twice");
    assertThat(compilation)
        .hadErrorContaining("[SubscribePayload] parameter text of @Subscribe method Payloads.text has type String,"
            + " which is not a payload: a payload is a @Schema record, byte[], JsonNode,"
            + " ConsumerRecord<byte[], byte[]>, or a List of a @Schema record for batches.")
        .inFile(file)
        .onLineContaining("void text");
    assertThat(compilation)
        .hadErrorContaining("parameter plain of @Subscribe method Payloads.plain has type Plain, which is not a"
            + " payload (record Plain has no @Schema)")
        .inFile(file)
        .onLineContaining("void plain");
    assertThat(compilation).hadErrorContaining("Annotate Plain with @Schema.");
    assertThat(compilation)
        .hadErrorContaining("parameter record of @Subscribe method Payloads.strings has type"
            + " ConsumerRecord<String, String>, which is not a payload (the runtime passes"
            + " ConsumerRecord<byte[], byte[]>)")
        .inFile(file)
        .onLineContaining("void strings");
    assertThat(compilation).hadErrorCount(6);
  }

  @Test
  void unsupportedExtraParameterListsTheSupportedOnes() {
    JavaFileObject file = source("subscribe/Payloads.java");
    assertThat(compileWithOrder(file))
        .hadErrorContaining("[SubscribeParameter] @Subscribe method Payloads.extra takes (Order, int); parameter"
            + " count of type int is not supported. A handler takes one payload (a @Schema record, byte[],"
            + " JsonNode or ConsumerRecord<byte[], byte[]>) and optionally Subscriber, MessageContext and"
            + " Application.")
        .inFile(file)
        .onLineContaining("void extra");
  }

  @Test
  void invalidPatternsAreErrorsOnThePattern() {
    JavaFileObject file = source("subscribe/Patterns.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribePattern] @Subscribe pattern 'orders/eu' of Patterns.slash is invalid: it"
            + " contains '/' at position 7, which no topic name holds")
        .inFile(file)
        .onLineContaining("orders/eu");
    assertThat(compilation)
        .hadErrorContaining("pattern 'orders.[abc' of Patterns.unclosed is invalid: the '[' at position 8 is never"
            + " closed with ']'")
        .inFile(file)
        .onLineContaining("orders.[abc");
    assertThat(compilation)
        .hadErrorContaining("pattern ' ' of Patterns.blank is invalid: it is blank")
        .inFile(file)
        .onLineContaining("pattern = \" \"");
    assertThat(compilation)
        .hadErrorContaining("pattern 'orders.[z-a]' of Patterns.reversed is invalid: the range z-a in [z-a] is"
            + " reversed")
        .inFile(file)
        .onLineContaining("[z-a]");
    assertThat(compilation).hadErrorContaining("e.g. \"orders.*\"");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void emptyBlankOrPaddedGroupsAreErrors() {
    JavaFileObject file = source("subscribe/Groups.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeGroup] @Subscribe group '' of Groups.empty is invalid: it is empty. Give a"
            + " non-blank group without surrounding whitespace, or omit group to use the method name \"empty\".")
        .inFile(file)
        .onLineContaining("group = \"\"");
    assertThat(compilation)
        .hadErrorContaining("group '  ' of Groups.blank is invalid: it is blank")
        .inFile(file)
        .onLineContaining("group = \"  \"");
    assertThat(compilation)
        .hadErrorContaining("group ' billing' of Groups.padded is invalid: it has leading or trailing whitespace")
        .inFile(file)
        .onLineContaining("\" billing\"");
  }

  @Test
  void recordOptionalAndStageReturnsAnswerRequests() {
    JavaFileObject file = source("subscribe/Replies.java");
    Compilation compilation = compileWithOrder(source("subscribe/Receipt.java"), file);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = dev.tidings.processor.Fixtures.generatedSource(compilation, "test.Replies_Subscriptions");
    assertTrue(generated.contains(".onRequest(Order.class, (payload, ctx) ->"
        + " CompletableFuture.completedFuture(target.record(payload)))"), generated);
    assertTrue(generated.contains(".onRequest(Order.class, (payload, ctx) ->"
        + " CompletableFuture.completedFuture(target.optional(payload, ctx).orElse(null)))"), generated);
    assertTrue(generated.contains(".onRequest(Order.class, (payload, ctx) -> target.stage(payload))"), generated);
    assertTrue(generated.contains(".onRequest(Order.class, (payload, ctx) -> target.future(payload))"), generated);
    assertTrue(generated.contains(".replyTo(\"receipts\")"), generated);
  }

  @Test
  void otherReturnTypesAreErrorsThatSayWhatAHandlerMayReturn() {
    JavaFileObject file = source("subscribe/Returns.java");
    Compilation compilation = compileWithOrder(source("subscribe/Receipt.java"), file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.reply returns String, which is not a"
            + " reply. A handler returns void, or answers requests with a @Schema record, Optional<R> (empty: no"
            + " reply) or CompletionStage<R> of a @Schema record R. Return void, or one of those.")
        .inFile(file)
        .onLineContaining("String reply(Order order)");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.optionalText returns Optional<String>")
        .inFile(file)
        .onLineContaining("Optional<String> optionalText(");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.stageText returns CompletionStage<String>")
        .inFile(file)
        .onLineContaining("CompletionStage<String> stageText(");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.list returns List<Order>")
        .inFile(file)
        .onLineContaining("List<Order> list(");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.unannotated returns Bare, which is not a"
            + " reply (record Bare has no @Schema).")
        .inFile(file)
        .onLineContaining("Bare unannotated(");
    assertThat(compilation)
        .hadErrorContaining("Annotate Bare with @Schema.")
        .inFile(file)
        .onLineContaining("Bare unannotated(");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.rawStage returns CompletionStage, which is"
            + " not a reply (it has no type argument).")
        .inFile(file)
        .onLineContaining("CompletionStage rawStage(");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.raw returns Receipt but takes byte[]; only a"
            + " handler of one @Schema record answers requests")
        .inFile(file)
        .onLineContaining("Receipt raw(byte[] value)");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReturn] @Subscribe method Returns.batch returns Receipt but takes List<Order>")
        .inFile(file)
        .onLineContaining("Receipt batch(List<Order> orders)");
    assertThat(compilation).hadErrorCount(8);
  }

  @Test
  void replyToMistakesAreErrorsAndAMissingReplyToAWarning() {
    JavaFileObject file = source("subscribe/ReplyTo.java");
    Compilation compilation = compileWithOrder(source("subscribe/Receipt.java"), file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReplyTo] @Subscribe method ReplyTo.voidReply sets replyTo = \"receipts\" but"
            + " returns void, so it never replies.")
        .inFile(file)
        .onLineContaining("group = \"voidReply\"");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeReplyTo] @Subscribe replyTo 're ceipts' of ReplyTo.badStream is not a stream"
            + " name: it has characters Kafka does not allow.")
        .inFile(file)
        .onLineContaining("group = \"badStream\"");
    assertThat(compilation)
        .hadWarningContaining("[SubscribeReplyTo] @Subscribe method ReplyTo.noReplyTo returns Receipt but declares"
            + " no replyTo, so a request without a tidings.reply-to header (e.g. a plain publish) gets no reply")
        .inFile(file)
        .onLineContaining("Receipt noReplyTo(Order order)");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void throwableIsAnErrorButCheckedExceptionsAreFine() {
    JavaFileObject file = source("subscribe/Throws.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeThrows] @Subscribe method Throws.anything declares throws Throwable")
        .inFile(file)
        .onLineContaining("throws Throwable");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void negativeSettingsAndBatchSizeWithoutBatchAreErrors() {
    JavaFileObject file = source("subscribe/Settings.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeSettings] @Subscribe maxAttempts of Settings.attempts is -1. Use a value of"
            + " at least 1, or 0 (the default)")
        .inFile(file)
        .onLineContaining("maxAttempts = -1");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeSettings] @Subscribe concurrency of Settings.threads is -2.")
        .inFile(file)
        .onLineContaining("concurrency = -2");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeSettings] @Subscribe batchSize of Settings.single is 10, but single is not a"
            + " batch handler")
        .inFile(file)
        .onLineContaining("batchSize = 10");
  }

  @Test
  void badBackoffInFlightAndDeadLetterStreamAreErrors() {
    JavaFileObject file = source("subscribe/Delivery.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeBackoff] @Subscribe backoff of Delivery.negative is invalid: backoffMillis"
            + " is -5. Give backoffMillis >= 0 and maxBackoffMillis >= backoffMillis, or -1 (the default)")
        .inFile(file)
        .onLineContaining("backoffMillis = -5");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeBackoff] @Subscribe backoff of Delivery.inverted is invalid: backoffMillis"
            + " 500 is more than maxBackoffMillis 100.")
        .inFile(file)
        .onLineContaining("maxBackoffMillis = 100");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeSettings] @Subscribe maxInFlight of Delivery.inflight is -1.")
        .inFile(file)
        .onLineContaining("maxInFlight = -1");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeDeadLetter] @Subscribe deadLetterStream 'orders' of Delivery.own is invalid:"
            + " it is the subscription's own stream, so the subscription would consume its own dead letters. Name a"
            + " stream the subscription does not read, e.g. \"orders.failed\"")
        .inFile(file)
        .onLineContaining("deadLetterStream = \"orders\"");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeDeadLetter] @Subscribe deadLetterStream 'bad name' of Delivery.named is"
            + " invalid: contains whitespace.")
        .inFile(file)
        .onLineContaining("deadLetterStream = \"bad name\"");
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void backoffNoRetryForInFlightAndDeadLetterStreamAreGenerated() {
    Compilation compilation = compileWithOrder(source("subscribe/DeliveryOk.java"));
    assertThat(compilation).succeededWithoutWarnings();
    String code = dev.tidings.processor.Fixtures.generatedSource(compilation, "test.DeliveryOk_Subscriptions");
    for (String call : new String[] {
        ".backoff(Duration.ofMillis(500L), Duration.ofMillis(30000L))",
        ".noRetryFor(IllegalArgumentException.class, UncheckedIOException.class)",
        ".maxInFlight(50)",
        ".deadLetterStream(\"orders.failed\")",
        ".backoff(Duration.ofMillis(100L), Duration.ofMillis(100L))"}) {
      org.junit.jupiter.api.Assertions.assertTrue(code.contains(call), call + " in\n" + code);
    }
  }

  @Test
  void shareModeRefusesKeyOrderingBatchesAndDisagreeingModes() {
    JavaFileObject file = source("subscribe/Modes.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeMode] @Subscribe method Modes.keyed has mode = SHARE and ordering = KEY;"
            + " a share group keeps no order")
        .inFile(file)
        .onLineContaining("ordering = Ordering.KEY");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeMode] @Subscribe method Modes.batched has mode = SHARE but takes a List,"
            + " a batch; a share group acknowledges records one by one. Take one record, e.g. void"
            + " batched(OrderPlaced order)")
        .inFile(file)
        .onLineContaining("group = \"batched\"");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeConflict] @Subscribe method Modes.raw conflicts with Modes.queued: it sets"
            + " mode = CLASSIC and Modes.queued sets mode = SHARE")
        .inFile(file)
        .onLineContaining("mode = SubscriptionMode.CLASSIC");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void shareModeIsGeneratedAsTheLastCallOfTheChain() throws java.io.IOException {
    JavaFileObject file = source("subscribe/Queue.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("test.Queue_Subscriptions").orElseThrow()
        .getCharContent(true).toString();
    org.junit.jupiter.api.Assertions.assertTrue(generated.contains(".concurrency(8)\n"
        + "        .mode(SubscriptionMode.SHARE);"), generated);
    org.junit.jupiter.api.Assertions.assertTrue(generated.contains("import dev.tidings.SubscriptionMode;"), generated);
  }

  @Test
  void conflictingMethodsOfOneSubscriptionAreErrors() {
    JavaFileObject file = source("subscribe/Conflicts.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeConflict] @Subscribe method Conflicts.second conflicts with Conflicts.first:"
            + " both handle Order in subscription 'orders' (group billing). Merge the two methods")
        .inFile(file)
        .onLineContaining("@Subscribe(pattern = \"orders\", group = \"billing\")");
    assertThat(compilation)
        .hadErrorContaining("Conflicts.elsewhere conflicts with Conflicts.first: group billing already subscribes"
            + " to 'orders', and a group has one subscription")
        .inFile(file)
        .onLineContaining("pattern = \"refunds\"");
    assertThat(compilation)
        .hadErrorContaining("Conflicts.strict conflicts with Conflicts.first: it sets onFailure = STOP and"
            + " Conflicts.first sets onFailure = SKIP")
        .inFile(file)
        .onLineContaining("FailurePolicy.STOP");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void conflictsAreFoundAcrossClasses() {
    JavaFileObject conflicts = source("subscribe/Conflicts.java");
    JavaFileObject other = source("subscribe/OtherBilling.java");
    assertThat(compileWithOrder(conflicts, other))
        .hadErrorContaining("@Subscribe method OtherBilling.again conflicts with Conflicts.first: both handle Order")
        .inFile(other)
        .onLineContaining("@Subscribe");
  }

  @Test
  void batchHandlerRulesAreChecked() {
    JavaFileObject file = source("subscribe/Batches.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation)
        .hadErrorContaining("[SubscribeConflict] @Subscribe method Batches.one conflicts with Batches.many: a batch"
            + " handler must be the only handler of its subscription 'orders' (group batch)")
        .inFile(file)
        .onLineContaining("group = \"batch\")");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeParameter] @Subscribe method Batches.publishing takes (List<Order>,"
            + " Subscriber); parameter subscriber of type Subscriber is not supported by a batch handler")
        .inFile(file)
        .onLineContaining("void publishing");
    assertThat(compilation)
        .hadErrorContaining("[SubscribeParameter] @Subscribe method Batches.contexts takes (Order,"
            + " List<MessageContext>); parameter contexts of type List<MessageContext> is not supported")
        .inFile(file)
        .onLineContaining("void contexts");
    assertThat(compilation)
        .hadErrorContaining("[SubscribePayload] parameter plain of @Subscribe method Batches.plain has type"
            + " List<Plain>, which is not a payload (a batch handler takes a List of a @Schema record)")
        .inFile(file)
        .onLineContaining("void plain");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void classWithoutNoArgumentConstructorGetsANoteAndCompiles() {
    JavaFileObject file = source("subscribe/NeedsFactory.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .hadNoteContaining("[SubscribeConstructor] test.NeedsFactory has no non-private no-argument constructor")
        .inFile(file)
        .onLineContaining("public class NeedsFactory");
    assertThat(compilation)
        .hadNoteContaining("new Router().provide(NeedsFactory.class, () -> new NeedsFactory(...))"
            + ".registerDiscovered(loader)");
    assertThat(compilation)
        .generatedSourceFile("test.NeedsFactory_Subscriptions")
        .contentsAsUtf8String()
        .contains("throw new ConfigurationException(\"test.NeedsFactory has no no-argument constructor: give the"
            + " router a factory before registering");
  }

  @Test
  void unresolvedParameterTypeIsReportedAtTheEnd() {
    JavaFileObject file = source("subscribe/Missing.java");
    Compilation compilation = compileWithOrder(file);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation)
        .hadErrorContaining("[Unresolved] @Subscribe methods of test.Missing could not be processed because type"
            + " NotThere could not be resolved")
        .inFile(file)
        .onLineContaining("public class Missing");
  }
}
