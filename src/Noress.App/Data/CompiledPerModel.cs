using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Noress.App.Data;

/// <summary>
/// An EF compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>),
/// compiled once per model: a compiled query runs only on the model it was compiled against, and one process may hold
/// several (the tests run SQLite and PostgreSQL side by side; each provider has its own model).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db)
    {
        var model = db.Model;
        return compiled.TryGetValue(model, out var query) ? query : compiled.GetValue(model, _ => compile());
    }
}
