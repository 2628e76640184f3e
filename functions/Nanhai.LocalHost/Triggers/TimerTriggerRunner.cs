using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace Nanhai.LocalHost.Triggers;

/// <summary>
/// The Functions timer trigger on one machine: each [TimerTrigger] function on its NCRONTAB schedule (six fields,
/// with seconds) or TimeSpan interval, %Setting% names resolved from configuration as the Functions host does.
/// </summary>
public sealed partial class TimerTriggerRunner(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<TimerTriggerRunner> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers =
            from type in typeof(Nanhai.Functions.Program).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            let trigger = method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<TimerTriggerAttribute>() is not null)
            where function is not null && trigger is not null
            select RunAsync(function.Name, method, trigger, stoppingToken);
        return Task.WhenAll(timers.ToList());
    }

    async Task RunAsync(string name, MethodInfo method, ParameterInfo trigger, CancellationToken stoppingToken)
    {
        FunctionInvoker.EnsureBindable(method, p => p == trigger);
        var attribute = trigger.GetCustomAttribute<TimerTriggerAttribute>()!;
        var schedule = Resolve(attribute.Schedule);
        Func<DateTime, DateTime> next = TimeSpan.TryParse(schedule, out var interval)
            ? last => last + interval
            : CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 }).GetNextOccurrence;
        logger.LogInformation("Timer {Function} on schedule '{Schedule}'", name, schedule);

        var last = clock.GetUtcNow().UtcDateTime;
        if (attribute.RunOnStartup) await InvokeAsync(name, method, trigger, last, next(last), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = next(last);
            var wait = due - clock.GetUtcNow().UtcDateTime;
            try { if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            last = due;
            await InvokeAsync(name, method, trigger, due, next(due), stoppingToken);
        }
    }

    async Task InvokeAsync(string name, MethodInfo method, ParameterInfo trigger, DateTime due, DateTime following, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            ScheduleStatus = new ScheduleStatus { Last = due, Next = following, LastUpdated = clock.GetUtcNow().UtcDateTime },
            IsPastDue = clock.GetUtcNow().UtcDateTime - due > TimeSpan.FromMinutes(1),
        };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(method, scope.ServiceProvider, p => p == trigger ? info : FunctionInvoker.Unbound, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer {Function} failed", name); // as in Azure: logged, and the next occurrence still runs
        }
    }

    string Resolve(string expression) => Setting().Replace(expression, m =>
        configuration[m.Groups[1].Value] ?? throw new InvalidOperationException($"The timer schedule setting {m.Groups[1].Value} is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Setting();
}
