-- Per-user choice of e-mail kinds (absent row = wanted) and preferred language for mails.
alter table user_account add column mail_locale varchar(10);
alter table user_account_aud add column mail_locale varchar(10);

create table notification_preference (
    user_id uuid        not null references user_account (id),
    kind    varchar(20) not null,
    enabled boolean     not null,
    primary key (user_id, kind)
);
