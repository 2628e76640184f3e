namespace Nanhai.UnitTests.Support;

/// <summary>A clock stopped at one instant, for use cases that read the time (e.g. a staff decision dated weeks ago).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
