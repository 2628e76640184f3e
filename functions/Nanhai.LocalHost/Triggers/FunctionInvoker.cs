using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Nanhai.LocalHost.Triggers;

/// <summary>
/// Calls a function method as the Functions worker would: the class created with its constructor dependencies,
/// [DurableClient] bound to the durable client, the trigger's own parameters bound by the caller.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Binds a trigger parameter, or returns <see cref="Unbound"/> when it is not the trigger's.</summary>
    public delegate object? TriggerBinder(ParameterInfo parameter);

    public static readonly object Unbound = new();

    public static async Task<object?> InvokeAsync(MethodInfo method, IServiceProvider services, TriggerBinder bindTrigger, CancellationToken cancellationToken)
    {
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => Bind(p, services, bindTrigger, cancellationToken)).ToArray();
        object? result;
        try
        {
            result = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        if (result is not Task task) return result;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    /// <summary>Fails at start-up, not at the first call, when a function has a parameter this host cannot bind.</summary>
    public static void EnsureBindable(MethodInfo method, Func<ParameterInfo, bool> isTriggerParameter)
    {
        foreach (var p in method.GetParameters())
            if (!IsCommon(p) && !isTriggerParameter(p))
                throw new InvalidOperationException($"The local host cannot bind parameter '{p.Name}' ({p.ParameterType.Name}) of function {method.DeclaringType?.Name}.{method.Name}.");
    }

    static bool IsCommon(ParameterInfo p) =>
        p.ParameterType == typeof(CancellationToken) || p.GetCustomAttribute<DurableClientAttribute>() is not null;

    static object? Bind(ParameterInfo p, IServiceProvider services, TriggerBinder bindTrigger, CancellationToken cancellationToken)
    {
        if (p.ParameterType == typeof(CancellationToken)) return cancellationToken;
        if (p.GetCustomAttribute<DurableClientAttribute>() is not null) return services.GetRequiredService<DurableTaskClient>();
        var value = bindTrigger(p);
        return value != Unbound ? value : throw new InvalidOperationException($"No value for parameter '{p.Name}' of {p.Member.Name}.");
    }
}
