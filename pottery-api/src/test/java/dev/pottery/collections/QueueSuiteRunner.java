package dev.pottery.collections;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a Guava testlib suite (JUnit 3 style) as JUnit 5 dynamic tests, one per contract test case, so
 * that no vintage engine is needed and each case reports on its own.
 */
final class QueueSuiteRunner {

    private QueueSuiteRunner() {
    }

    static List<DynamicTest> asDynamicTests(TestSuite suite) {
        List<DynamicTest> tests = new ArrayList<>();
        collect(suite, "", tests);
        return tests;
    }

    private static void collect(Test test, String prefix, List<DynamicTest> out) {
        if (test instanceof TestSuite suite) {
            String name = suite.getName() == null ? prefix : prefix + suite.getName() + " / ";
            for (Enumeration<Test> e = suite.tests(); e.hasMoreElements(); ) {
                collect(e.nextElement(), name, out);
            }
        } else if (test instanceof TestCase testCase) {
            out.add(DynamicTest.dynamicTest(prefix + testCase.getName(), () -> run(testCase)));
        }
    }

    private static void run(TestCase testCase) throws Throwable {
        TestResult result = new TestResult();
        testCase.run(result);
        for (Enumeration<TestFailure> e = result.errors(); e.hasMoreElements(); ) {
            throw e.nextElement().thrownException();
        }
        for (Enumeration<TestFailure> e = result.failures(); e.hasMoreElements(); ) {
            throw e.nextElement().thrownException();
        }
    }
}
