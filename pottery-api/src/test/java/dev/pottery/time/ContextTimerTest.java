package dev.pottery.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContextTimerTest {

    @Test
    void misuseRaisesPotteryErrors() {
        ContextTimer timer = new ContextTimer();
        assertThatThrownBy(timer::elapsed).isInstanceOf(IllegalStateException.class)
                .hasMessage("timer hasn't yet been started");
        assertThatThrownBy(timer::stop).isInstanceOf(IllegalStateException.class)
                .hasMessage("timer hasn't yet been started");
        timer.start();
        assertThatThrownBy(timer::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("timer has already been started");
        timer.stop();
        assertThatThrownBy(timer::stop).isInstanceOf(IllegalStateException.class)
                .hasMessage("timer has already been stopped");
        assertThatThrownBy(timer::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("timer has already been stopped");
    }

    @Test
    void elapsedCountsWallMillisecondsAndFreezesAtStop() throws InterruptedException {
        ContextTimer timer = new ContextTimer();
        timer.start();
        Thread.sleep(50);
        timer.stop();
        long measured = timer.elapsed();
        assertThat(measured).isGreaterThanOrEqualTo(50);
        Thread.sleep(20);
        assertThat(timer.elapsed()).isEqualTo(measured);
    }

    @Test
    void tryWithResourcesStartsAndStops() throws InterruptedException {
        ContextTimer outer;
        try (ContextTimer timer = ContextTimer.started()) {
            outer = timer;
            Thread.sleep(10);
            assertThat(timer.elapsed()).isGreaterThanOrEqualTo(10);
        }
        assertThatThrownBy(outer::stop).hasMessage("timer has already been stopped");
        assertThatThrownBy(outer::close).hasMessage("timer has already been stopped");
    }
}
