//! Index newtypes: positions in the registry, the plan, the catalogue and the inbox. A link
//! between two model values is one of these, never a bare `usize`, so that a unit's position
//! cannot be used where a task's is meant.

macro_rules! index_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            /// The value at position `i` of its collection.
            pub const fn new(i: usize) -> Self {
                $name(i)
            }

            /// The position in its collection.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every position of a collection of `n` values, in order.
            pub fn all(n: usize) -> impl DoubleEndedIterator<Item = Self> + Clone {
                (0..n).map($name)
            }
        }
    };
}

index_type!(
    /// A unit's position in the registry (`don-vi.yaml`), which is its order in every output.
    UnitIdx
);
index_type!(
    /// A group's position in the registry.
    GroupIdx
);
index_type!(
    /// A task's position in its year's plan (area by area, in plan order).
    TaskIdx
);
index_type!(
    /// An area's position in its year's plan.
    AreaIdx
);
index_type!(
    /// An indicator's position in the catalogue (`chi-tieu.yaml`).
    IndicatorIdx
);
index_type!(
    /// A file's position in the inbox, in walk order.
    FileIdx
);
