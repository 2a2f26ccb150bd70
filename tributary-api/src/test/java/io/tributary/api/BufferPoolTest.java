package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BufferPoolTest {
  private static final int MIN = BufferPool.MIN_POOLED;

  @Test
  void anEmptyPoolHandsOutNewArraysOfExactlyTheLengthAskedFor() {
    BufferPool pool = new BufferPool(1 << 30, 8);

    assertThat(pool.take(100)).hasSize(100);
    assertThat(pool.take(MIN)).hasSize(MIN);
  }

  @Test
  void recyclesAnArrayGivenBack() {
    BufferPool pool = new BufferPool(1 << 30, 8);
    byte[] a = new byte[MIN];
    pool.give(a);

    assertThat(pool.take(MIN)).isSameAs(a);
    assertThat(pool.take(MIN)).as("taken once only").isNotSameAs(a).hasSize(MIN);
  }

  @Test
  void recyclesOnlyArraysBetweenTheLengthAskedForAndFourTimesIt() {
    BufferPool pool = new BufferPool(1 << 30, 8);
    byte[] a = new byte[4 * MIN];
    pool.give(a);

    assertThat(pool.take(4 * MIN + 1)).as("too small").isNotSameAs(a).hasSize(4 * MIN + 1);
    assertThat(pool.take(MIN - 1)).as("more than four times too large").isNotSameAs(a);
    assertThat(pool.take(MIN)).as("exactly four times as large").isSameAs(a);

    pool.give(a);
    assertThat(pool.take(4 * MIN)).as("exactly as large").isSameAs(a);
  }

  @Test
  void picksAnArrayThatFitsAmongSeveral() {
    BufferPool pool = new BufferPool(1 << 30, 8);
    byte[] small = new byte[MIN];
    byte[] large = new byte[16 * MIN];
    pool.give(small);
    pool.give(large);

    assertThat(pool.take(8 * MIN)).isSameAs(large);
    assertThat(pool.take(8 * MIN)).isNotSameAs(small).isNotSameAs(large);
    assertThat(pool.take(MIN / 2)).isSameAs(small);
  }

  @Test
  void handsOutTheArrayGivenBackLastFirst() {
    BufferPool pool = new BufferPool(1 << 30, 8);
    byte[] first = new byte[MIN];
    byte[] second = new byte[MIN];
    pool.give(first);
    pool.give(second);

    assertThat(pool.take(MIN)).isSameAs(second);
    assertThat(pool.take(MIN)).isSameAs(first);
  }

  @Test
  void doesNotPoolArraysSmallerThan64KiB() {
    BufferPool pool = new BufferPool(1 << 30, 8);
    byte[] small = new byte[MIN - 1];
    pool.give(small);

    assertThat(pool.take(MIN - 1)).isNotSameAs(small);
    assertThat(pool.take(MIN / 4)).isNotSameAs(small);
  }

  @Test
  void keepsAtMostTheGivenNumberOfArrays() {
    BufferPool pool = new BufferPool(1 << 30, 2);
    byte[] a = new byte[MIN];
    byte[] b = new byte[MIN];
    byte[] c = new byte[MIN];
    pool.give(a);
    pool.give(b);
    pool.give(c); // over the count: dropped

    assertThat(pool.take(MIN)).isSameAs(b);
    assertThat(pool.take(MIN)).isSameAs(a);
    assertThat(pool.take(MIN)).isNotSameAs(c);
  }

  @Test
  void keepsAtMostTheGivenNumberOfBytes() {
    BufferPool pool = new BufferPool(2L * MIN + MIN / 2, 8);
    byte[] a = new byte[MIN];
    byte[] b = new byte[MIN];
    byte[] c = new byte[MIN];
    pool.give(a);
    pool.give(b);
    pool.give(c); // 3 * MIN bytes would exceed the bound: dropped

    assertThat(pool.take(MIN)).isSameAs(b);
    assertThat(pool.take(MIN)).isSameAs(a);
    assertThat(pool.take(MIN)).isNotSameAs(c);
  }

  @Test
  void takingAnArrayFreesItsBytesAndItsPlace() {
    BufferPool pool = new BufferPool(MIN, 1);
    byte[] a = new byte[MIN];
    byte[] b = new byte[MIN];
    pool.give(a);
    pool.give(b); // full
    assertThat(pool.take(MIN)).isSameAs(a);

    pool.give(b); // room again
    assertThat(pool.take(MIN)).isSameAs(b);
  }

  @Test
  void anArrayLargerThanTheByteBoundIsNotPooled() {
    BufferPool pool = new BufferPool(MIN, 8);
    byte[] big = new byte[MIN + 1];
    pool.give(big);

    assertThat(pool.take(MIN + 1)).isNotSameAs(big);
  }
}
