import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { Locale } from '@/lib/i18n/locales';
import type { EmailContent } from './build-email-content';

// Plain and accessible: system fonts only, no external images or fonts (mail clients block them
// and they would tell a tracker when the mail was opened), strong contrast, a real link as button.
const body = { backgroundColor: '#f4f5f7', color: '#1b1f24', fontFamily: 'Arial, Helvetica, sans-serif', margin: 0 };
const container = { backgroundColor: '#ffffff', margin: '24px auto', maxWidth: '560px', padding: '24px 32px' };
const productName = { color: '#44505c', fontSize: '14px', fontWeight: 700, margin: '0 0 16px' };
const heading = { fontSize: '22px', lineHeight: '30px', margin: '0 0 16px' };
const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' };
const button = {
  backgroundColor: '#0b57a4',
  borderRadius: '4px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 700,
  padding: '12px 20px',
  textDecoration: 'none',
};
const small = { color: '#44505c', fontSize: '13px', lineHeight: '20px', margin: '0 0 12px' };
const link = { color: '#0b57a4', wordBreak: 'break-all' as const };

export function EmailLayout({ content, locale, productLabel, linkFallback }: {
  content: EmailContent;
  locale: Locale;
  productLabel: string;
  linkFallback: string;
}) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <title>{content.subject}</title>
      </Head>
      <Preview>{content.paragraphs[0] ?? content.subject}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={productName}>{productLabel}</Text>
          <Heading as="h1" style={heading}>
            {content.subject}
          </Heading>
          <Text style={paragraph}>{content.greeting}</Text>
          {content.paragraphs.map((text) => (
            <Text key={text} style={paragraph}>
              {text}
            </Text>
          ))}
          {content.action ? (
            <Section style={{ margin: '8px 0 24px' }}>
              <Button href={content.action.url} style={button}>
                {content.action.label}
              </Button>
              <Text style={{ ...small, marginTop: '16px' }}>
                {linkFallback}{' '}
                <Link href={content.action.url} style={link}>
                  {content.action.url}
                </Link>
              </Text>
            </Section>
          ) : null}
          {content.afterAction.map((text) => (
            <Text key={text} style={paragraph}>
              {text}
            </Text>
          ))}
          <Hr />
          <Text style={small}>{content.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
