package dev.pottery.collections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a Guava testlib contract suite (JUnit 3 style, e.g. from {@code MapTestSuiteBuilder}) as JUnit 5
 * dynamic tests, so the suites run in this JUnit 5 build without the vintage engine and every contract
 * test is reported (and can fail) individually.
 */
public final class GuavaSuiteAdapter {

    private GuavaSuiteAdapter() {
    }

    /** The suite as a tree of dynamic containers and tests. */
    public static DynamicNode toDynamic(Test test) {
        if (test instanceof TestSuite suite) {
            List<DynamicNode> children = new ArrayList<>();
            for (Test child : Collections.list(suite.tests())) {
                children.add(toDynamic(child));
            }
            return DynamicContainer.dynamicContainer(String.valueOf(suite.getName()), children);
        }
        if (test instanceof TestCase testCase) {
            return DynamicTest.dynamicTest(testCase.getName(), () -> run(testCase));
        }
        throw new IllegalArgumentException("unsupported JUnit 3 test: " + test);
    }

    private static void run(TestCase testCase) throws Throwable {
        TestResult result = new TestResult();
        testCase.run(result);
        for (TestFailure failure : Collections.list(result.errors())) {
            throw failure.thrownException();
        }
        for (TestFailure failure : Collections.list(result.failures())) {
            throw failure.thrownException();
        }
    }
}
