using System.Collections.Immutable;

namespace OfferRules.Internal;

/// <summary>
/// An <see cref="ImmutableArray{T}"/> compared by its items, so that a record holding one in a field keeps the
/// compiler's value equality. The default value is the empty array.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal readonly struct ValueArray<T> : IEquatable<ValueArray<T>>
    where T : IEquatable<T>
{
    private readonly ImmutableArray<T> _items;

    public ValueArray(ImmutableArray<T> items) => _items = items;

    /// <summary>Gets the items; never the default (uninitialized) array.</summary>
    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    public bool Equals(ValueArray<T> other) => Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
